// The benchmark's MST keys; dev.skein.bench.BenchData.key(i) makes the same ones.
export function benchKey (i) {
  return 'agent.memory.note/k' + i.toString(36).padStart(8, '0')
}
