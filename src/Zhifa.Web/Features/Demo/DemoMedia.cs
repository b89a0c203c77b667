using System.Globalization;
using System.Text;

namespace Zhifa.Web.Features.Demo;

/// <summary>
/// The demo's photo: a small JPEG shipped with the application, given an EXIF block with the capture time and the GPS
/// position of 永兴县, as a body camera writes them, so that the demo shows metadata being read and compared.
/// </summary>
public static class DemoMedia
{
    public static byte[] PhotoWithExif(DateTime takenLocal)
    {
        var jpeg = Resource("demo-scene.jpg");
        // The EXIF segment (APP1) goes right after the start-of-image marker.
        var exif = ExifSegment(takenLocal.ToString("yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture), [26, 7, 48], [113, 6, 36]);
        return [.. jpeg.AsSpan(0, 2), .. exif, .. jpeg.AsSpan(2)];
    }

    /// <summary>
    /// The demo's video: three seconds of a test pattern with a tone (H.264 and AAC in MP4), its movie header (mvhd)
    /// given the recording's start as the creation time, as a body camera stamps it.
    /// </summary>
    public static byte[] VideoWithCreationTime(DateTime startedUtc)
    {
        var mp4 = Resource("demo-scene.mp4");
        int at = mp4.AsSpan().IndexOf("mvhd"u8);
        if (at < 0 || mp4[at + 4] != 0) throw new InvalidOperationException("demo-scene.mp4 has no version-0 movie header");
        // Version 0 keeps creation and modification times as big-endian seconds since 1904-01-01 UTC.
        var seconds = (uint)(startedUtc - new DateTime(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(mp4.AsSpan(at + 8), seconds);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(mp4.AsSpan(at + 12), seconds);
        return mp4;
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(DemoMedia).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>
    /// An APP1 segment with a little-endian TIFF: IFD0 pointing to an Exif IFD (DateTimeOriginal, "yyyy:MM:dd HH:mm:ss",
    /// no zone) and a GPS IFD (north latitude and east longitude in degrees, minutes, seconds).
    /// </summary>
    public static byte[] ExifSegment(string dateTimeOriginal, uint[] latitude, uint[] longitude)
    {
        var tiff = new byte[178];
        void U16(int at, int v) { tiff[at] = (byte)v; tiff[at + 1] = (byte)(v >> 8); }
        void U32(int at, uint v) { U16(at, (int)(v & 0xFFFF)); U16(at + 2, (int)(v >> 16)); }
        void Entry(int at, int tag, int type, uint count, uint value) { U16(at, tag); U16(at + 2, type); U32(at + 4, count); U32(at + 8, value); }
        tiff[0] = (byte)'I'; tiff[1] = (byte)'I'; U16(2, 42); U32(4, 8);
        U16(8, 2); Entry(10, 0x8769, 4, 1, 38); Entry(22, 0x8825, 4, 1, 56); U32(34, 0);
        U16(38, 1); Entry(40, 0x9003, 2, 20, 110); U32(52, 0);
        U16(56, 4); Entry(58, 1, 2, 2, 'N'); Entry(70, 2, 5, 3, 130); Entry(82, 3, 2, 2, 'E'); Entry(94, 4, 5, 3, 154); U32(106, 0);
        Encoding.ASCII.GetBytes(dateTimeOriginal).CopyTo(tiff, 110);
        for (int i = 0; i < 3; i++)
        {
            U32(130 + i * 8, latitude[i]); U32(134 + i * 8, 1);
            U32(154 + i * 8, longitude[i]); U32(158 + i * 8, 1);
        }
        int length = 2 + 6 + tiff.Length;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8, .. tiff];
    }
}
