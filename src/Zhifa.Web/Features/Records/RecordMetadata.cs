using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.QuickTime;

namespace Zhifa.Web.Features.Records;

/// <summary>Capture time (UTC) and position read from the file itself (REC-6).</summary>
public sealed record RecordMetadata(DateTime? CaptureUtc, double? Latitude, double? Longitude)
{
    public static readonly RecordMetadata None = new(null, null, null);

    /// <summary>
    /// Reads only the headers: the reader walks the segments or atoms and skips the media data, so a file of several
    /// GiB costs little. A format the reader does not know, or a damaged header, yields nothing rather than an error.
    /// </summary>
    public static RecordMetadata Read(Stream stream)
    {
        IReadOnlyList<MetadataExtractor.Directory> dirs;
        try
        {
            dirs = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            return None;
        }

        DateTime? capture = null;
        // EXIF times carry no zone; devices of Chinese agencies are set to China Standard Time.
        foreach (var d in dirs.OfType<ExifSubIfdDirectory>())
            if (d.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var t)) { capture = FromChina(t); break; }
        if (capture is null)
            foreach (var d in dirs.OfType<ExifIfd0Directory>())
                if (d.TryGetDateTime(ExifDirectoryBase.TagDateTime, out var t)) { capture = FromChina(t); break; }
        // QuickTime / MP4 creation times count seconds since 1904 in UTC.
        if (capture is null)
            foreach (var d in dirs.OfType<QuickTimeMovieHeaderDirectory>())
                if (d.TryGetDateTime(QuickTimeMovieHeaderDirectory.TagCreated, out var t) && t.Year > 1970)
                { capture = DateTime.SpecifyKind(t, DateTimeKind.Utc); break; }

        double? lat = null, lon = null;
        var gps = dirs.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();
        if (gps is { } g && !g.IsZero) { lat = g.Latitude; lon = g.Longitude; }
        return new RecordMetadata(capture, lat, lon);
    }

    private static DateTime FromChina(DateTime t) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), RecordService.China);
}
