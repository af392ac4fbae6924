/**
 * A blocking XRPC client over the JDK's {@link java.net.http.HttpClient}, for the command line, the PDS's own calls
 * to itself (publishing lexicons) and the load generators: queries and procedures, answers read as the atproto data
 * model, error answers as {@link dev.skein.xrpc.client.XrpcError}, a service that does not answer as
 * {@link dev.skein.xrpc.client.ServiceUnreachable}.
 */
package dev.skein.xrpc.client;
