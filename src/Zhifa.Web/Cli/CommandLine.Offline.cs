using Zhifa.Domain.CaseFiles;

namespace Zhifa.Web.Cli;

public static partial class CommandLine
{
    /// <summary>Verbs that need no database or configuration, so they run anywhere the package is.</summary>
    public static bool IsOffline(string verb) => verb == "verify-package";

    public static async Task<int> RunOfflineAsync(List<string> verb)
    {
        if (verb.Count < 2)
        {
            await Console.Error.WriteLineAsync("错误：FILE：请指定要校验的案卷包文件，例如 verify-package 永卫罚2026-1.zip");
            return 2;
        }
        var path = verb[1];
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"错误：FILE：文件“{path}”不存在");
            return 2;
        }
        await using var file = File.OpenRead(path);
        var problems = await CaseFilePackage.VerifyAsync(file);
        if (problems.Count == 0)
        {
            await Console.Out.WriteLineAsync($"案卷包校验通过：{Path.GetFileName(path)} 中的文件与清单一致，审计记录完整");
            return 0;
        }
        await Console.Error.WriteLineAsync($"案卷包校验失败（{problems.Count} 处）：");
        foreach (var p in problems) await Console.Error.WriteLineAsync("  " + p);
        return 1;
    }
}
