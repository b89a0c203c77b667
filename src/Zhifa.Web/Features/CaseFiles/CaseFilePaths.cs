// Data, not messages: names inside the case-file package, which archives and the tools reading them rely on
namespace Zhifa.Web.Features.CaseFiles;

/// <summary>The paths of the files in a case-file package.</summary>
public static class CaseFilePaths
{
    /// <summary>Ends the name of a document's signed scan, beside the generated document: 003-听证笔录-签字.pdf.</summary>
    public const string SignedScanSuffix = "-签字";
}
