/**
 * The dashboard for a meeting: `node` drawn to a PNG in the browser (html-to-image: the page's own DOM, the ECharts
 * canvases included, through an SVG foreignObject; nothing leaves the browser), or that picture on A4 landscape pages
 * of a PDF (jsPDF), cut across pages when taller than one. Both libraries are loaded on first use only.
 */
export async function nodeToPng(node: HTMLElement): Promise<{ dataUrl: string; width: number; height: number }> {
  const { toPng } = await import('html-to-image');
  const width = node.scrollWidth;
  const height = node.scrollHeight;
  const dataUrl = await toPng(node, {
    // Twice the screen's pixels: legible when the picture is projected or printed.
    pixelRatio: 2,
    width,
    height,
    backgroundColor: getComputedStyle(node).backgroundColor || '#081526',
    // The page's fonts are the system's: embedding web fonts would fetch every stylesheet for nothing.
    skipFonts: true,
    // The buttons (导出, 大屏模式) are not part of the picture.
    filter: (element) => !(element instanceof HTMLElement && element.dataset.exportSkip === 'true'),
  });
  return { dataUrl, width, height };
}

/** Saves a data: URL as a file, through a link's `download`. */
export function saveDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

const A4_LANDSCAPE_MM = { width: 297, height: 210 };
const MARGIN_MM = 8;

/** The picture at the page's printable width on A4 landscape pages, as many as its height needs. */
export async function pngToA4Pdf(image: { dataUrl: string; width: number; height: number }, fileName: string): Promise<void> {
  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  const width = A4_LANDSCAPE_MM.width - 2 * MARGIN_MM;
  const pageHeight = A4_LANDSCAPE_MM.height - 2 * MARGIN_MM;
  const height = (image.height / image.width) * width;
  const pages = Math.max(1, Math.ceil(height / pageHeight - 0.01));
  for (let page = 0; page < pages; page++) {
    if (page > 0) pdf.addPage('a4', 'landscape');
    // The same picture moved up by a page each time; the margins are painted over so each page shows its slice only.
    pdf.addImage(image.dataUrl, 'PNG', MARGIN_MM, MARGIN_MM - page * pageHeight, width, height, 'dashboard', 'FAST');
    pdf.setFillColor(255, 255, 255);
    pdf.rect(0, 0, A4_LANDSCAPE_MM.width, MARGIN_MM, 'F');
    pdf.rect(0, A4_LANDSCAPE_MM.height - MARGIN_MM, A4_LANDSCAPE_MM.width, MARGIN_MM, 'F');
  }
  pdf.save(fileName);
}
