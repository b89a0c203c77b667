namespace Zhifa.Web.Cli;

/// <summary>Administrative verbs run with the same configuration as the server: `verify`, `token create`, `migrate`.</summary>
public static partial class CommandLine
{
    private static readonly string[] Verbs = ["verify", "verify-package", "token", "migrate"];

    /// <summary>Separates a leading verb and its arguments from the host's own switches.</summary>
    public static (List<string> Verb, string[] HostArgs) Split(string[] args)
    {
        var verb = new List<string>();
        var host = new List<string>();
        bool inVerb = args.Length > 0 && Verbs.Contains(args[0]);
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a == "--data-dir" && i + 1 < args.Length) { host.Add("--Zhifa:DataDirectory=" + args[++i]); continue; }
            if (a.StartsWith("--data-dir=", StringComparison.Ordinal)) { host.Add("--Zhifa:DataDirectory=" + a["--data-dir=".Length..]); continue; }
            if (a == "--no-demo") { host.Add("--Zhifa:Demo=false"); continue; }
            if (inVerb && (verb.Count == 0 || !a.StartsWith("--", StringComparison.Ordinal) || IsVerbOption(a)))
            {
                verb.Add(a);
                if (IsVerbOption(a) && i + 1 < args.Length) verb.Add(args[++i]);
                continue;
            }
            host.Add(a);
        }
        return (verb, host.ToArray());
    }

    private static bool IsVerbOption(string a) => a is "--user" or "--name" or "--scopes" or "--expires-days";
}
