// Data, not messages: the font names written into generated Office files.
namespace Zhifa.Web.Infrastructure;

/// <summary>The fonts of generated .docx files: 宋体 for Chinese as official documents use it, Times New Roman for the rest.</summary>
public static class OfficeFonts
{
    public const string EastAsian = "宋体";
    public const string Latin = "Times New Roman";
}
