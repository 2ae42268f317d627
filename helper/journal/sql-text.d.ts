/** A `.sql` file imported as its text: the single-file build loads it with esbuild's text loader. */
declare module '*.sql' {
  const text: string;
  export default text;
}
