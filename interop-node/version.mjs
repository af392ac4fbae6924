// Prints the running Node version; the Java side checks it is 22 or newer.
console.log(process.version);
