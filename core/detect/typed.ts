// Growing typed arrays: the detector keeps hits, offsets and positions in them (see HitList for why).

/** A copy of `a` in a typed array of the same kind with room for `size` elements (the rest zero). */
export function grown<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a);
  return b;
}
