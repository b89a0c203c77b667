using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Agencies;

/// <summary>行政机关 / 法律法规授权组织 / 受委托组织 (ORG-1).</summary>
public enum AgencyType { AdministrativeOrgan, AuthorizedOrganization, EntrustedOrganization }

public enum AgencyLevel { Province, City, County, Township }

/// <summary>An enforcement agency (执法主体).</summary>
public sealed class Agency
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Used in case and document numbers, e.g. 永卫 in 永卫罚〔2026〕12号.</summary>
    public string ShortName { get; set; } = "";
    public AgencyType Type { get; set; }
    public AgencyLevel Level { get; set; }
    public string CreditCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string Contact { get; set; } = "";
    public List<Unit> Units { get; set; } = [];
    /// <summary>How this agency numbers its cases (REC-1); see <see cref="Zhifa.Domain.Cases.CaseNumbering"/>.</summary>
    public string CaseNumberFormat { get; set; } = Cases.CaseNumbering.DefaultFormat;
    /// <summary>行政复议机关 every decision names (LAW-9); see <see cref="AgencyRemedies"/>. Empty until the agency sets it.</summary>
    public string ReconsiderationOrgan { get; set; } = "";
    /// <summary>The court a decision names for 行政诉讼: the basic court where the agency sits, or the one designated by 集中管辖.</summary>
    public string CompetentCourt { get; set; } = "";

    public Unit? LegalReviewUnit => Units.FirstOrDefault(u => u.IsLegalReviewUnit);

    /// <summary>Checks the fields an administrator enters; every problem is named.</summary>
    public static ValidationErrors Validate(string? name, string? shortName, string? creditCode, string? address, string? contact)
    {
        var errors = new ValidationErrors()
            .Required("name", name, Messages.Get("agency.field.name")).MaxLength("name", name, 100, Messages.Get("agency.field.name"))
            .Required("shortName", shortName, Messages.Get("agency.field.short_name")).MaxLength("shortName", shortName, 10, Messages.Get("agency.field.short_name"))
            .MaxLength("address", address, 200, Messages.Get("agency.field.address"))
            .MaxLength("contact", contact, 100, Messages.Get("agency.field.contact"));
        if (string.IsNullOrWhiteSpace(creditCode)) errors.Add("creditCode", "required", Messages.Get("identity_code.credit.required"));
        else if (IdentityCodes.CheckCreditCode(creditCode.Trim()) is { } reason) errors.Add("creditCode", "invalid", reason);
        return errors;
    }
}

/// <summary>An internal unit (股室/科室) of an agency; exactly one may be the legal-review unit (法制审核机构).</summary>
public sealed class Unit
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Name { get; set; } = "";
    public bool IsLegalReviewUnit { get; set; }
}
