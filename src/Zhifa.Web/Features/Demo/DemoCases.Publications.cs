using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Publicity;

namespace Zhifa.Web.Features.Demo;

public sealed partial class DemoCases
{
    /// <summary>
    /// The health commission's penalty decisions go through the real publication chain (PUB-1, PUB-4): the publicity
    /// officer prepares them (the first in full text with its redaction confirmed), the deputy head checks, the head
    /// signs. The desk keeps work: the last penalty not yet prepared, the one before it waiting for the head, and the
    /// other decisions (inspections, licences, 确认) still to publish within 20 working days. One published decision is
    /// under 复议, and one was withdrawn after it was changed, so the portal shows both.
    /// </summary>
    private async Task PublicationsAsync()
    {
        var ids = new List<int>();
        await AsAsync("publicity", async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var agencyId = await db.Agencies.Where(a => a.Name == "永兴县卫生健康局").Select(a => a.Id).SingleAsync();
            var drafts = await db.Set<Publication>().Where(p => p.AgencyId == agencyId && p.Kind == PublicationKind.Decision
                && p.Category == Domain.Cases.CaseCategory.Penalty && p.Status == PublicationStatus.Draft && p.NonDisclosureGround == null)
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var publications = s.GetRequiredService<PublicationService>();
            var decisions = s.GetRequiredService<DecisionPublicationService>();
            foreach (var id in drafts.Take(drafts.Count - 1))
            {
                var p = (await publications.FindVisibleAsync(id))!;
                if (ids.Count == 0 && (await decisions.RedactionAsync(p)) is { HasSource: true })
                {
                    await decisions.SaveContentAsync(p, new ContentInput("FullText", p.Title, p.Violation, p.LegalBasis, p.Conclusion));
                    var red = await decisions.RedactionAsync(p);
                    await decisions.ConfirmRedactionAsync(p, new RedactionConfirmInput(red.SourceSha256,
                        [.. red.Spans.Where(x => x.Kept).Select(x => new SpanInput(x.Start, x.Length, x.Kind))], []));
                }
                await publications.SubmitAsync(p, new ApprovalInput("请审核"));
                ids.Add(id);
            }
        });
        await AsAsync("deputy", async s =>
        {
            var publications = s.GetRequiredService<PublicationService>();
            foreach (var id in ids) await publications.ApproveAsync((await publications.FindVisibleAsync(id))!, new ApprovalInput("同意公开"));
        });
        await AsAsync("head", async s =>
        {
            var publications = s.GetRequiredService<PublicationService>();
            foreach (var id in ids.Take(ids.Count - 1)) await publications.ApproveAsync((await publications.FindVisibleAsync(id))!, new ApprovalInput("同意发布"));
        });
        if (ids.Count < 4) return;
        await AsAsync("publicity", async s =>
        {
            var publications = s.GetRequiredService<PublicationService>();
            var decisions = s.GetRequiredService<DecisionPublicationService>();
            await decisions.SetLegalStatusAsync((await publications.FindVisibleAsync(ids[1]))!,
                new LegalStatusInput(nameof(LegalStatus.UnderReconsideration), "当事人已申请行政复议", null));
            var changed = (await publications.FindVisibleAsync(ids[2]))!;
            await decisions.SetLegalStatusAsync(changed, new LegalStatusInput(nameof(LegalStatus.Changed), "郴州市卫生健康委员会行政复议决定变更罚款数额", null));
            await decisions.WithdrawAsync(changed, new WithdrawInput("该决定经行政复议变更，原公开信息撤回"));
        });
    }
}
