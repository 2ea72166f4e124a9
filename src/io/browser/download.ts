/** A file to offer: what the app's exports produce. */
export interface DownloadFile {
  name: string;
  mime: string;
  data: Uint8Array;
}

/**
 * Offers a file to the user as a browser download (an object URL on a hidden link). Used by both
 * browser doors: the web app, and Excel's task pane, whose web view (WebView2, Excel on the web)
 * saves it like a browser.
 */
export function browserDownload(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.data.slice()], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not now: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
