// Text that remembers, for every character, where it came from in the raw file. Cleaning
// only ever deletes characters, swaps one character for another, or inserts a separator
// that stands for whitespace it replaces, so the mapping survives every step.

export class MappedText {
  constructor(
    readonly text: string,
    /** raw offset of each character of `text` */
    readonly offsets: number[],
  ) {}

  static empty(): MappedText {
    return new MappedText("", []);
  }

  static fromRaw(raw: string, start: number, end: number): MappedText {
    const offsets: number[] = [];
    for (let i = start; i < end; i++) offsets.push(i);
    return new MappedText(raw.slice(start, end), offsets);
  }

  get length(): number {
    return this.text.length;
  }

  concat(other: MappedText): MappedText {
    return new MappedText(this.text + other.text, [...this.offsets, ...other.offsets]);
  }

  /** appends `ch` standing for the raw character at `offset` (a line break it replaces) */
  withChar(ch: string, offset: number): MappedText {
    return new MappedText(this.text + ch, [...this.offsets, offset]);
  }

  slice(start: number, end: number = this.length): MappedText {
    return new MappedText(this.text.slice(start, end), this.offsets.slice(start, end));
  }

  /** raw [start, end) covered by text[start, end) */
  rawSpan(start: number, end: number): [number, number] {
    return [this.offsets[start], this.offsets[end - 1] + 1];
  }

  /**
   * Deletes what `pick` selects in each match of `re` (the whole match by default);
   * `onRemove` sees each deleted range before it goes.
   */
  remove(
    re: RegExp,
    pick: (m: RegExpExecArray) => [number, number][] = (m) => [[m.index, m.index + m[0].length]],
    onRemove?: (text: string, start: number, end: number) => void,
  ): MappedText {
    const drop = new Array<boolean>(this.length).fill(false);
    const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    for (const m of this.text.matchAll(global)) {
      if (m[0].length === 0) continue;
      for (const [a, b] of pick(m as RegExpExecArray)) {
        if (b <= a) continue;
        onRemove?.(this.text.slice(a, b), a, b);
        for (let i = a; i < b; i++) drop[i] = true;
      }
    }
    return this.keep((i) => !drop[i]);
  }

  /** replaces each character by `fn(ch)`, which must be one character or "" */
  mapChars(fn: (ch: string) => string): MappedText {
    let text = "";
    const offsets: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const out = fn(this.text[i]);
      if (out.length > 1) throw new Error("mapChars: replacement must be at most one character");
      if (out) {
        text += out;
        offsets.push(this.offsets[i]);
      }
    }
    return new MappedText(text, offsets);
  }

  /** runs of spaces become one space (kept at the first one's offset); ends trimmed */
  collapseSpaces(): MappedText {
    return this.keep((i) => this.text[i] !== " " || (i > 0 && this.text[i - 1] !== " " && i < this.length - 1)).trimSpaces();
  }

  private trimSpaces(): MappedText {
    let a = 0;
    let b = this.length;
    while (a < b && this.text[a] === " ") a++;
    while (b > a && this.text[b - 1] === " ") b--;
    return this.slice(a, b);
  }

  private keep(pred: (i: number) => boolean): MappedText {
    let text = "";
    const offsets: number[] = [];
    for (let i = 0; i < this.length; i++) {
      if (pred(i)) {
        text += this.text[i];
        offsets.push(this.offsets[i]);
      }
    }
    return new MappedText(text, offsets);
  }
}
