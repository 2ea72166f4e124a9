/** Reads a picked file as text (UTF-8). FileReader rather than Blob.text(), which older WebViews lack. */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('Không đọc được tệp.'));
    reader.readAsText(file, 'utf-8');
  });
}
