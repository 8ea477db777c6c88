// Config answers are counted into plain arrays and handed to prom-client in batches: per answer that is two
// array writes instead of a counter and a histogram update, and a scrape flushes first, so it misses none.

/** A labelled counter and histogram child, as prom-client's labels() returns them. */
export interface AnswerSeries {
  count: { inc(value?: number): void };
  duration: { observe(value: number): void };
}

// Enough to amortise a flush, few enough that memory stays flat without a scrape.
const BATCH = 256;

export class AnswerBatch {
  private series: AnswerSeries[] = [];
  private seconds = new Float64Array(BATCH);

  add(series: AnswerSeries, seconds: number): void {
    this.seconds[this.series.length] = seconds;
    this.series.push(series);
    if (this.series.length === BATCH) this.flush();
  }

  /** Hands every pending answer to its series (prom-client calls it through the metrics' collect). */
  flush(): void {
    const pending = this.series;
    this.series = [];
    for (let i = 0; i < pending.length; i++) {
      pending[i].count.inc();
      pending[i].duration.observe(this.seconds[i]);
    }
  }
}
