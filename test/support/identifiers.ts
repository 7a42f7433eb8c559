/** Builds a checksum-valid legal-entity national ID (شناسه ملی) from its first 10 digits. */
export function legalEntityIdFrom(first10: string): string {
  const coefficients = [29, 27, 23, 19, 17];
  const addend = Number(first10[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += (Number(first10[i]) + addend) * (coefficients[i % 5] ?? 0);
  return `${first10}${(sum % 11) % 10}`;
}
