using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Publicity;

/// <summary>PUB-4 … PUB-7: the publication of a case's decision, from the task created when it is made to its withdrawal.</summary>
public sealed class DecisionPublicationService(AppDbContext db, PublicationService publications)
{
    /// <summary>
    /// Called with every step move: when the case reaches the step at which its decision is made, the publication task
    /// opens (once per case), due 7 or 20 working days later. A minor party's decision is proposed not to be disclosed.
    /// </summary>
    public async Task OpenTaskAsync(Case c)
    {
        if (c.Step != PublicationRules.DecisionStep(c.Category)) return;
        if (await db.Set<Publication>().AnyAsync(p => p.CaseId == c.Id && p.Kind == PublicationKind.Decision)) return;
        bool minor = await db.CaseParties.Where(cp => cp.CaseId == c.Id).AnyAsync(cp => cp.Party!.IsMinor);
        await publications.AddFirstVersionAsync(new Publication
        {
            Kind = PublicationKind.Decision, AgencyId = c.AgencyId, UnitId = c.UnitId, CaseId = c.Id, Category = c.Category,
            TriggeredOn = publications.Today, Title = c.Title,
            NonDisclosureGround = minor ? NonDisclosureGround.Minor : null,
            NonDisclosureReason = minor ? "当事人是未成年人（依身份证号码识别），依法不予公开" : "",
        });
    }
}
