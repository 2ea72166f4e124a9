/**
 * A picked file's bytes with its name (the app's InputFile). FileReader rather than
 * Blob.arrayBuffer(), which older WebViews lack.
 */
export function readPickedFile(file: File): Promise<{ name: string; bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({
        name: file.name,
        bytes: new Uint8Array(
          reader.result instanceof ArrayBuffer ? reader.result : new ArrayBuffer(0),
        ),
      });
    reader.onerror = () => reject(reader.error ?? new Error('Không đọc được tệp.'));
    reader.readAsArrayBuffer(file);
  });
}
