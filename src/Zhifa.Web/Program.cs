using Zhifa.Web;
using Zhifa.Web.Cli;

var (verb, hostArgs) = CommandLine.Split(args);
if (verb.Count > 0 && CommandLine.IsOffline(verb[0])) return await CommandLine.RunOfflineAsync(verb);
var app = ZhifaApp.Build(hostArgs);
if (verb.Count > 0) return await CommandLine.RunAsync(app, verb);

await ZhifaApp.InitializeAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() => ZhifaApp.PrintWelcome(app));
await app.RunAsync();
return 0;

public partial class Program;
