// Vite asset imports used by the host stories: the URL the asset is served at.
declare module "*?no-inline" {
  const url: string;
  export default url;
}
