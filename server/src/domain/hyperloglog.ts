import { hash } from 'node:crypto';

/**
 * HyperLogLog (Flajolet et al., 2007): a distinct count that can be merged. The analytics keep
 * one sketch per program, day and figure, because distinct visitors of a period are not the sum
 * of its days'; merging a period's sketches counts each visitor once, within ~1.6%.
 *
 * 2^12 registers of one byte (4 KB). A 64-bit hash: the first 12 bits choose the register, which
 * keeps the longest run of leading zeros (+1) seen in the other 52.
 */
const PRECISION = 12;
const REGISTERS = 1 << PRECISION;
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);
/** Up to 2.5 × the registers the raw estimate is biased; counting empty registers is better there. */
const LINEAR_COUNTING_LIMIT = 2.5 * REGISTERS;

export class HyperLogLog {
  readonly registers: Uint8Array;

  constructor(registers: Uint8Array = new Uint8Array(REGISTERS)) {
    if (registers.length !== REGISTERS) throw new Error(`a sketch has ${REGISTERS} registers`);
    this.registers = registers;
  }

  /**
   * Whether a register changed: most ids of a busy day change none, and then the stored sketch
   * need not be written again. MD5 is not for secrecy here, only a well-spread hash of any id.
   */
  add(id: string): boolean {
    const digest = hash('md5', id, 'buffer');
    const high = digest.readUInt32BE(0);
    const low = digest.readUInt32BE(4);
    const index = high >>> (32 - PRECISION);
    const rest = high & ((1 << (32 - PRECISION)) - 1);
    const rank = rest !== 0 ? Math.clz32(rest) - PRECISION + 1 : 32 - PRECISION + Math.clz32(low) + 1;
    if (rank <= (this.registers[index] as number)) return false;
    this.registers[index] = rank;
    return true;
  }

  merge(other: HyperLogLog): void {
    this.#max(other.registers, 1);
  }

  /** Merges a sketch as `toBlob` stored it, without decoding it first (a period merges hundreds). */
  mergeBlob(blob: Uint8Array): void {
    if (blob.length === REGISTERS) this.#max(blob, 1);
    else if (blob.length % 3 === 0) this.#max(blob, 3);
    else throw new Error('not a stored sketch');
  }

  /** The standard estimator, with linear counting for small counts; a 64-bit hash needs no large-range correction. */
  estimate(): number {
    let sum = 0;
    let empty = 0;
    for (const register of this.registers) {
      sum += 2 ** -register;
      if (register === 0) empty += 1;
    }
    const raw = (ALPHA * REGISTERS * REGISTERS) / sum;
    if (raw <= LINEAR_COUNTING_LIMIT && empty > 0) return Math.round(REGISTERS * Math.log(REGISTERS / empty));
    return Math.round(raw);
  }

  /**
   * Stored sparse while few registers are set (index high byte, index low byte, value), so a
   * quiet day of a small shop takes bytes, not 4 KB; dense otherwise. The lengths never clash:
   * a sparse sketch is a multiple of 3 below 4,096.
   */
  toBlob(): Buffer {
    let set = 0;
    for (const register of this.registers) if (register !== 0) set += 1;
    if (set * 3 >= REGISTERS) return Buffer.from(this.registers);
    const sparse = Buffer.alloc(set * 3);
    let at = 0;
    this.registers.forEach((register, index) => {
      if (register === 0) return;
      sparse[at++] = index >>> 8;
      sparse[at++] = index & 0xff;
      sparse[at++] = register;
    });
    return sparse;
  }

  static fromBlob(blob: Uint8Array): HyperLogLog {
    const sketch = new HyperLogLog();
    sketch.mergeBlob(blob);
    return sketch;
  }

  /** Registers as values (`step` 1), or as (index high, index low, value) triples (`step` 3). */
  #max(source: Uint8Array, step: 1 | 3): void {
    const registers = this.registers;
    for (let at = 0; at < source.length; at += step) {
      const index = step === 1 ? at : ((source[at] as number) << 8) | (source[at + 1] as number);
      const value = source[at + step - 1] as number;
      if (value > (registers[index] as number)) registers[index] = value;
    }
  }
}
