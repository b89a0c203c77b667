using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Browser.Tests.Infrastructure;

/// <summary>The application with demo data on a real loopback port, so that a real browser can reach it.</summary>
public sealed class LiveZhifaFactory : ZhifaFactory
{
    public LiveZhifaFactory() => UseKestrel(0);

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address");
            return address.Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal)
                .TrimEnd('/');
        }
    }
}

/// <summary>One running application and one headless Chromium, shared by the browser journeys.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public LiveZhifaFactory App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started");

    public async Task InitializeAsync()
    {
        // The distribution's Chromium is used; Playwright must not try to fetch browsers of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await App.InitializeAsync();
        BaseUrl = App.BaseUrl;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ZHIFA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>An API client of <paramref name="userName"/> with a token, as a system would call the running application.</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        // The application listens on a real port here, so the client calls that address rather than an in-memory server.
        var api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(userName));
        ZhifaFactory.Remember(api, userName, ApiAsync);
        return api;
    }

    /// <summary>A fresh, cookie-less browser profile, as a new visitor would have.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous for a busy two-core machine, yet far below the run's hang timeout.
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>;
