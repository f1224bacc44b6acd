/** A one-line progress bar on stderr (only when stderr is a terminal; otherwise every 10%). */
export function progress(label: string) {
  let lastPct = -1;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (process.stderr.isTTY) {
      const width = 30;
      const fill = Math.round((pct / 100) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} ${pct}%`);
      if (done >= total) process.stderr.write('\n');
    } else if (pct >= lastPct + 10 || done >= total) {
      lastPct = pct;
      process.stderr.write(`${label} ${done}/${total} ${pct}%\n`);
    }
  };
}
