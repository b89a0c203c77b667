using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Admin;
using Zhifa.Web.Features.Audit;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Cli;

public static partial class CommandLine
{
    public const string Usage = """
        用法：
          Zhifa.Web [--data-dir DIR] [--no-demo] [--urls URL]      启动服务
          Zhifa.Web verify                                       校验审计日志哈希链和全部原始文件，有问题时以非零退出并指出
          Zhifa.Web token create --user NAME [--name N] [--scopes r1,r2] [--expires-days D]
                                                                 为账号签发接口令牌，最后一行只输出令牌
          Zhifa.Web migrate                                      创建或升级数据库结构（生产环境的发布步骤）
          Zhifa.Web verify-package FILE                          离线校验导出的案卷包（不需要数据库）
        """;

    public static async Task<int> RunAsync(WebApplication app, List<string> verb)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        try
        {
            switch (verb[0])
            {
                case "migrate":
                    await services.GetRequiredService<AppDbContext>().Database.MigrateAsync();
                    await Zhifa.Data.Publicity.PortalSearchIndex.EnsureSchemaAsync(services.GetRequiredService<AppDbContext>());
                    await Console.Out.WriteLineAsync(UiText.T("cli.migrated"));
                    return 0;
                case "verify":
                    return await VerifyAsync(services);
                case "token" when verb.Count > 1 && verb[1] == "create":
                    var user = Option(verb, "--user");
                    if (string.IsNullOrWhiteSpace(user)) throw new DomainValidationException("--user", "required", UiText.T("cli.token.user_required"));
                    int? days = null;
                    if (Option(verb, "--expires-days") is { } d)
                        days = int.TryParse(d, out var n) ? n : throw new DomainValidationException("--expires-days", "invalid", UiText.T("cli.token.days_invalid"));
                    var scopes = Option(verb, "--scopes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    await ZhifaApp.InitializeAsync(services);
                    var token = await services.GetRequiredService<TokenService>().CreateForCliAsync(user, Option(verb, "--name"), scopes, days);
                    await Console.Out.WriteLineAsync(UiText.T("cli.token.created", user));
                    await Console.Out.WriteLineAsync(token);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors) await Console.Error.WriteLineAsync(UiText.T("cli.error", e.Field, e.Message));
            return 2;
        }
    }

    private static async Task<int> VerifyAsync(IServiceProvider services)
    {
        int exit = 0;
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        if (result.Problem is { } p)
        {
            await Console.Error.WriteLineAsync(UiText.T("cli.audit.broken", p.Sequence, p.Kind, p.Message));
            exit = 1;
        }
        else await Console.Out.WriteLineAsync(UiText.T("cli.audit.intact", result.Entries));
        if (await VerifyStoredFilesAsync(services) > 0) exit = 1;
        return exit;
    }

    /// <summary>REC-8: re-hashes every stored original the database names; names each one changed or vanished.</summary>
    private static async Task<int> VerifyStoredFilesAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var blobs = services.GetRequiredService<Infrastructure.Storage.BlobStore>();
        int total = 0, bad = 0;
        // The list of hashes is read first: PostgreSQL runs one command at a time per connection, and the loop asks more.
        var hashes = await db.Set<Domain.Records.StoredFile>().AsNoTracking().Where(f => f.PurgedAt == null).OrderBy(f => f.Sha256).Select(f => f.Sha256).ToListAsync();
        foreach (var sha in hashes)
        {
            total++;
            if (await blobs.IsIntactAsync(sha)) continue;
            bad++;
            bool vanished = !File.Exists(blobs.PathOf(sha));
            var names = (await db.Set<Domain.Records.Record>().AsNoTracking().Where(r => r.Sha256 == sha)
                .Select(r => new { r.FileName, r.Id }).ToListAsync()).Select(r => UiText.T("cli.files.record", r.FileName, r.Id)).ToList();
            var what = UiText.T(vanished ? "cli.files.vanished" : "cli.files.changed");
            await Console.Error.WriteLineAsync(names.Count > 0
                ? UiText.T("cli.files.broken_in", sha, what, string.Join(UiText.T("list.and"), names))
                : UiText.T("cli.files.broken", sha, what));
        }
        if (bad == 0) await Console.Out.WriteLineAsync(UiText.T("cli.files.intact", total));
        else await Console.Error.WriteLineAsync(UiText.T("cli.files.summary", total, bad));
        return bad;
    }

    private static string? Option(List<string> verb, string name)
    {
        int i = verb.IndexOf(name);
        return i >= 0 && i + 1 < verb.Count ? verb[i + 1] : null;
    }
}
