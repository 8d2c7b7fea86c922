/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox-png.h"

#include <gio/gio.h>

/* A minimal PNG encoder (8-bit RGB, no interlace, filter 0 on every row),
 * so that the sandbox needs neither GdkPixbuf nor GTK. */

#define PNG_CRC_POLYNOMIAL 0xedb88320u

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* The CRC-32 of the PNG specification (ISO 3309), one bit at a time:
 * logos are a few kilobytes, so a lookup table would not pay off. */
static guint32
update_crc (guint32       crc,
            const guint8 *data,
            gsize         length)
{
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (PNG_CRC_POLYNOMIAL & (0u - (crc & 1)));
    }

  return crc;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 crc = 0xffffffffu;

  append_be32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  g_byte_array_append (out, data, length);

  crc = update_crc (crc, (const guint8 *) type, 4);
  crc = update_crc (crc, data, length);
  append_be32 (out, crc ^ 0xffffffffu);
}

static GBytes *
deflate_bytes (const guint8 *data,
               gsize         length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) deflating = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  /* A memory stream fails only when allocation fails, and GLib aborts
   * on that before any error could be returned. */
  g_output_stream_write_all (deflating, data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (deflating, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
append_header (GByteArray *out,
               guint       width,
               guint       height)
{
  g_autoptr(GByteArray) header = g_byte_array_new ();
  const guint8 rgb8[5] = { 8, 2, 0, 0, 0 }; /* depth, RGB, deflate, filter, no interlace */

  append_be32 (header, width);
  append_be32 (header, height);
  g_byte_array_append (header, rgb8, sizeof rgb8);

  g_byte_array_append (out, png_signature, sizeof png_signature);
  append_chunk (out, "IHDR", header->data, header->len);
}

static guint32
lighten (guint32 colour)
{
  guint32 red = ((colour >> 16) & 0xff) + 0x60;
  guint32 green = ((colour >> 8) & 0xff) + 0x60;
  guint32 blue = (colour & 0xff) + 0x60;

  return (MIN (red, 0xff) << 16) | (MIN (green, 0xff) << 8) | MIN (blue, 0xff);
}

/* A square of @colour with a lighter diagonal band and a dark border, so
 * that two companies' placeholders are easy to tell apart. */
static guint32
pixel_colour (guint32 colour,
              guint   x,
              guint   y,
              guint   size)
{
  guint border = MAX (size / 16, 1);
  guint diagonal = (x + y) % size;

  if (x < border || y < border || x >= size - border || y >= size - border)
    return 0x202020;

  if (diagonal > size / 3 && diagonal < size / 2)
    return lighten (colour);

  return colour;
}

static GByteArray *
make_scanlines (guint32 colour,
                guint   size)
{
  GByteArray *pixels = g_byte_array_sized_new ((size * 3 + 1) * size);

  for (guint y = 0; y < size; y++)
    {
      const guint8 no_filter = 0;

      g_byte_array_append (pixels, &no_filter, 1);
      for (guint x = 0; x < size; x++)
        {
          guint32 rgb = pixel_colour (colour, x, y, size);
          guint8 bytes[3] = { rgb >> 16, rgb >> 8, rgb };

          g_byte_array_append (pixels, bytes, 3);
        }
    }

  return pixels;
}

/**
 * iwd_sandbox_png_make_logo:
 * @colour: the main colour, as 0xRRGGBB
 * @size: the width and height in pixels, at least 8
 *
 * Encodes a square logo as a valid PNG file.
 *
 * Returns: (transfer full): the PNG file's bytes
 */
GBytes *
iwd_sandbox_png_make_logo (guint32 colour,
                           guint   size)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) scanlines = NULL;
  g_autoptr(GBytes) compressed = NULL;

  g_return_val_if_fail (size >= 8, NULL);

  append_header (out, size, size);

  scanlines = make_scanlines (colour, size);
  compressed = deflate_bytes (scanlines->data, scanlines->len);
  append_chunk (out, "IDAT", g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));

  append_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * iwd_sandbox_png_make_corrupt:
 * @colour: the colour the image would have had
 *
 * Makes a file that a client takes for a PNG (signature and header are
 * valid) but that no decoder can read: its image data is cut short and
 * its checksum is wrong.
 *
 * Returns: (transfer full): the corrupt file's bytes
 */
GBytes *
iwd_sandbox_png_make_corrupt (guint32 colour)
{
  g_autoptr(GBytes) logo = iwd_sandbox_png_make_logo (colour, 32);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (logo, &length);
  GByteArray *out = g_byte_array_new ();

  /* Keep the signature, the header and half of the image data chunk, then
   * flip bytes so the chunk's CRC no longer matches. */
  g_byte_array_append (out, data, length / 2);
  for (guint i = out->len - 8; i < out->len; i++)
    out->data[i] ^= 0x5a;

  return g_byte_array_free_to_bytes (out);
}
