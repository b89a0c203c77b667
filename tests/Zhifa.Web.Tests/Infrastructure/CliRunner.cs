using System.Diagnostics;

namespace Zhifa.Web.Tests.Infrastructure;

/// <summary>Runs the real Zhifa.Web program with a verb against a factory's database, as an administrator would.</summary>
public static class CliRunner
{
    public sealed record Output(int ExitCode, string StdOut, string StdErr)
    {
        public string LastLine => StdOut.TrimEnd().Split('\n')[^1].Trim();
    }

    public static async Task<Output> RunAsync(ZhifaFactory app, params string[] verb)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Zhifa.Web.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var v in verb) psi.ArgumentList.Add(v);
        psi.ArgumentList.Add("--data-dir");
        psi.ArgumentList.Add(app.DataDirectory);
        if (app.ConnectionString is { } cs)
        {
            psi.ArgumentList.Add("--Zhifa:DatabaseProvider=Postgres");
            psi.ArgumentList.Add("--Zhifa:ConnectionString=" + cs);
        }
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        return new Output(process.ExitCode, await stdout, await stderr);
    }
}
