using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Web;

namespace Zhifa.Bench;

/// <summary>The real server on a loopback port over a fresh SQLite data folder of its own, removed afterwards.</summary>
public static class BenchServer
{
    /// <summary>Starts the server, runs <paramref name="work"/> with it and its address, then stops it and deletes its data.</summary>
    public static async Task RunAsync(string name, Func<WebApplication, Uri, Task> work, params string[] extraArgs)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"zhifa-bench-{name}-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (_, hostArgs) = Zhifa.Web.Cli.CommandLine.Split(["--urls", "http://127.0.0.1:0", "--data-dir", dir, "--no-demo", .. extraArgs,
                "--Logging:LogLevel:Default=Warning"]);
            var app = ZhifaApp.Build([.. hostArgs]);
            await ZhifaApp.InitializeAsync(app.Services);
            await app.StartAsync();
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                await work(app, new Uri(address));
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
