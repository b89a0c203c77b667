namespace Zhifa.Web.Cli;

public static partial class CommandLine
{
    public static Task<int> RunAsync(WebApplication app, List<string> verb) => Task.FromResult(0);
}
