/**
 * Typed-array helpers shared by the SPA and the proxy: lists that grow (the speck labeller's
 * runs, the stitch's region pairs) without a JS array of boxed numbers.
 */

/** A copy of `array` with room for `capacity` elements (the rest zero). */
export function grown<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(
  array: T,
  capacity: number,
): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
