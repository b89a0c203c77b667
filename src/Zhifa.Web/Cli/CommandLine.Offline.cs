using Zhifa.Domain.CaseFiles;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Cli;

public static partial class CommandLine
{
    /// <summary>Verbs that need no database or configuration, so they run anywhere the package is.</summary>
    public static bool IsOffline(string verb) => verb == "verify-package";

    public static async Task<int> RunOfflineAsync(List<string> verb)
    {
        if (verb.Count < 2)
        {
            await Console.Error.WriteLineAsync(UiText.T("cli.error", "FILE", UiText.T("cli.package.file_required")));
            return 2;
        }
        var path = verb[1];
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync(UiText.T("cli.error", "FILE", UiText.T("cli.package.file_missing", path)));
            return 2;
        }
        await using var file = File.OpenRead(path);
        var problems = await CaseFilePackage.VerifyAsync(file);
        if (problems.Count == 0)
        {
            await Console.Out.WriteLineAsync(UiText.T("cli.package.intact", Path.GetFileName(path)));
            return 0;
        }
        await Console.Error.WriteLineAsync(UiText.T("cli.package.broken", problems.Count));
        foreach (var p in problems) await Console.Error.WriteLineAsync("  " + p);
        return 1;
    }
}
