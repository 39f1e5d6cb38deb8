/** A file signature: bytes at an offset, and what a file starting with them is. */
interface Signature {
  offset: number
  bytes: readonly number[]
  type: string
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

// Only signatures of four bytes or more, or with non-ASCII bytes: a text file may well
// start with "MZ" or "BM", and refusing an article for its first word would be absurd.
const SIGNATURES: readonly Signature[] = [
  { offset: 0, bytes: [0x89, ...ascii('PNG\r\n')], type: 'PNG image' },
  { offset: 0, bytes: ascii('%PDF-'), type: 'PDF file' },
  {
    offset: 0,
    bytes: [...ascii('PK'), 0x03, 0x04],
    type: 'ZIP archive (as are .docx, .xlsx and .epub files)'
  },
  { offset: 0, bytes: [...ascii('PK'), 0x05, 0x06], type: 'ZIP archive' },
  { offset: 0, bytes: [0x7f, ...ascii('ELF')], type: 'Linux executable (ELF)' },
  { offset: 0, bytes: ascii('GIF87a'), type: 'GIF image' },
  { offset: 0, bytes: ascii('GIF89a'), type: 'GIF image' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], type: 'JPEG image' },
  { offset: 0, bytes: [0x1f, 0x8b, 0x08], type: 'gzip archive' },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: '7-Zip archive' },
  { offset: 0, bytes: [...ascii('Rar!'), 0x1a, 0x07], type: 'RAR archive' },
  { offset: 0, bytes: [0xfd, ...ascii('7zXZ'), 0x00], type: 'xz archive' },
  { offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd], type: 'Zstandard archive' },
  { offset: 4, bytes: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], type: 'bzip2 archive' },
  {
    offset: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    type: 'Word or Excel (.doc, .xls) file'
  },
  { offset: 0, bytes: [...ascii('II*'), 0x00], type: 'TIFF image' },
  { offset: 0, bytes: [...ascii('MM'), 0x00, 0x2a], type: 'TIFF image' },
  { offset: 8, bytes: ascii('WEBP'), type: 'WebP image' },
  { offset: 8, bytes: ascii('WAVE'), type: 'WAV audio' },
  { offset: 8, bytes: ascii('AVI '), type: 'AVI video' },
  { offset: 4, bytes: ascii('ftyp'), type: 'MP4/QuickTime video or audio' },
  { offset: 0, bytes: ascii('OggS'), type: 'Ogg audio or video' },
  { offset: 0, bytes: ascii('fLaC'), type: 'FLAC audio' },
  { offset: 0, bytes: [...ascii('ID3'), 0x03], type: 'MP3 audio' },
  { offset: 0, bytes: [...ascii('ID3'), 0x04], type: 'MP3 audio' },
  { offset: 0, bytes: [...ascii('SQLite format 3'), 0x00], type: 'SQLite database' },
  { offset: 0, bytes: [0x00, ...ascii('asm')], type: 'WebAssembly module' },
  { offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe], type: 'Java class or Mach-O executable' },
  { offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe], type: 'Mach-O executable' },
  { offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe], type: 'Mach-O executable' },
  { offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], type: 'Matroska/WebM video' },
  { offset: 0, bytes: ascii('wOFF'), type: 'web font' },
  { offset: 0, bytes: ascii('wOF2'), type: 'web font' }
]

/**
 * Names the kind of binary file `bytes` starts like ("PDF file", "PNG image"), from its magic
 * number; `undefined` when no known signature matches. The name is for the user's
 * message only: any binary file is refused, whether or not it is named here.
 */
export function sniffBinaryType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(
    ({ offset, bytes: signature }) =>
      bytes.length >= offset + signature.length &&
      signature.every((byte, i) => bytes[offset + i] === byte)
  )?.type
}
