using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Domain.Officers;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>What an administrator enters for an officer; shared by the pages and the API.</summary>
public sealed class OfficerInput
{
    /// <summary>Only read when creating: an officer never moves to another agency here. Defaults to the user's own.</summary>
    public int? AgencyId { get; set; }
    public int? UnitId { get; set; }
    public string? Name { get; set; }
    public string? Position { get; set; }
    /// <summary>法律职业资格.</summary>
    public bool HasLegalQualification { get; set; }
    /// <summary>法制审核人员.</summary>
    public bool IsLegalReviewer { get; set; }
    /// <summary>在岗.</summary>
    public bool Active { get; set; } = true;

    // The first certificate, optional and read only when creating: all blank means none.
    public string? CertificateNumber { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>执法领域, separated by commas, 、 or new lines.</summary>
    public string? Domains { get; set; }

    public bool DescribesCertificate()
        => !string.IsNullOrWhiteSpace(CertificateNumber) || !string.IsNullOrWhiteSpace(Issuer) || ValidFrom is not null
           || ValidUntil is not null || !string.IsNullOrWhiteSpace(Domains);
}

public sealed class CertificateInput
{
    public string? Number { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>执法领域, separated by commas, 、 or new lines.</summary>
    public string? Domains { get; set; }
}

/// <summary>暂扣 (Suspended), 注销 (Revoked) or 恢复 (Active); a reason is required for the first two.</summary>
public sealed class CertificateStateInput
{
    public string? State { get; set; }
    public string? Reason { get; set; }
}

public sealed class TrainingInput
{
    public DateOnly? Date { get; set; }
    public string? Title { get; set; }
    public decimal? Hours { get; set; }
    public string? Result { get; set; }
}

public sealed record CertificateDto(int Id, int OfficerId, string Number, string Issuer, DateOnly ValidFrom, DateOnly ValidUntil,
    IReadOnlyList<string> Domains, string State, string StateLabel, string StateReason, string Status, string StatusLabel);

public sealed record TrainingDto(int Id, DateOnly Date, string Title, decimal Hours, string Result);

public sealed record OfficerSummaryDto(int Id, int AgencyId, string AgencyName, int? UnitId, string? UnitName, string Name, string Position,
    bool HasLegalQualification, bool IsLegalReviewer, bool Active, string Status, string StatusLabel, IReadOnlyList<string> CertificateNumbers);

public sealed record OfficerDto(int Id, int AgencyId, string AgencyName, int? UnitId, string? UnitName, string Name, string Position,
    bool HasLegalQualification, bool IsLegalReviewer, bool Active, string Status, string StatusLabel,
    IReadOnlyList<CertificateDto> Certificates, IReadOnlyList<TrainingDto> Trainings);

public sealed record OfficerPage(IReadOnlyList<OfficerSummaryDto> Items, int Total, int Page, int PageSize);

/// <summary>The filters of the list; <see cref="Status"/> is a status name (Valid), its label (有效) or None (无执法证).</summary>
public sealed record OfficerFilter(int? AgencyId = null, int? UnitId = null, string? Status = null, string? Q = null, int Page = 1, int PageSize = 50);

public sealed record StatusCountDto(string Status, string Label, int Count);

public sealed record ExpiringCertificateDto(int OfficerId, string Name, int CertificateId, string Number, DateOnly ValidUntil, int DaysLeft);

/// <summary>The agency dashboard (ORG-5): officers by certificate status, renewals due, the legal-reviewer ratio against its floor.</summary>
public sealed record DashboardDto(int AgencyId, string AgencyName, DateOnly Today, IReadOnlyList<StatusCountDto> OfficersByStatus,
    int ActiveOfficers, int LegalReviewers, decimal LegalReviewerRatio, decimal LegalReviewerFloor, bool BelowLegalReviewerFloor,
    IReadOnlyList<ExpiringCertificateDto> Expiring);

/// <summary>The only fields of a certificate the public may see (ORG-3).</summary>
public sealed record PublicCertificateDto(string Number, string Name, string Agency, IReadOnlyList<string> Domains,
    DateOnly ValidFrom, DateOnly ValidUntil, string Status, string StatusLabel);

/// <summary>Officers, their certificates and trainings (ORG-2), the dashboard figures (ORG-5) and the public lookup (ORG-3).
/// Callers check scope (404) and the administrator role (403) before calling a changing method.</summary>
public sealed class OfficerService(AppDbContext db, CurrentUser me, TimeProvider time, Agencies.AgencyService agencies)
{
    public static string DuplicateNumber => UiText.T("officers.error.duplicate_number");
    public const string NoCertificate = "None";
    public static string NoCertificateLabel => UiText.T("officers.no_certificate_label");

    /// <summary>Certificates are valid by the calendar day in China, whatever the server's zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    public async Task<List<Agency>> VisibleAgenciesAsync()
        => await agencies.VisibleListAsync();

    // ---- reads for the other areas (they do not read the officers' tables themselves) ----

    /// <summary>Whether the officer belongs to the agency.</summary>
    public async Task<bool> InAgencyAsync(int officerId, int? agencyId) => await db.Officers.AnyAsync(o => o.Id == officerId && o.AgencyId == agencyId);

    /// <summary>The officer if he belongs to the agency, untracked.</summary>
    public async Task<Officer?> FindInAgencyAsync(int officerId, int agencyId)
        => await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId && o.AgencyId == agencyId);

    public async Task<string?> NameAsync(int officerId) => await db.Officers.AsNoTracking().Where(o => o.Id == officerId).Select(o => o.Name).FirstOrDefaultAsync();

    /// <summary>Officer id → name.</summary>
    public async Task<Dictionary<int, string>> OfficerNamesAsync(IEnumerable<int> officerIds)
    {
        var ids = officerIds.Distinct().ToList();
        return await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
    }

    /// <summary>The officers with their certificates, untracked; with <paramref name="agencyId"/> only that agency's.</summary>
    public async Task<List<Officer>> WithCertificatesAsync(IEnumerable<int> officerIds, int? agencyId = null)
    {
        var ids = officerIds.Distinct().ToList();
        return await db.Officers.AsNoTracking().Include(o => o.Certificates)
            .Where(o => ids.Contains(o.Id) && (agencyId == null || o.AgencyId == agencyId)).ToListAsync();
    }

    /// <summary>The agency's officers by id, untracked; <paramref name="activeOnly"/> leaves out the inactive; with their certificates.</summary>
    public async Task<List<Officer>> OfAgencyAsync(int agencyId, bool activeOnly)
        => await db.Officers.AsNoTracking().Include(o => o.Certificates).Where(o => o.AgencyId == agencyId && (!activeOnly || o.Active))
            .OrderBy(o => o.Id).ToListAsync();

    /// <summary>The officers of the given agencies (all when null), by agency and id, untracked.</summary>
    public async Task<List<Officer>> InAgenciesAsync(IReadOnlySet<int>? agencyIds)
        => await db.Officers.AsNoTracking().Where(o => agencyIds == null || agencyIds.Contains(o.AgencyId)).OrderBy(o => o.AgencyId).ThenBy(o => o.Id).ToListAsync();

    /// <summary>The active officers of the agencies the user may see, by agency and id, untracked.</summary>
    public async Task<List<Officer>> ActiveVisibleAsync()
        => await (await db.Officers.AsNoTracking().Where(o => o.Active).InScopeAsync(me, o => o.AgencyId)).OrderBy(o => o.AgencyId).ThenBy(o => o.Id).ToListAsync();

    public async Task<List<Agency>> AdministeredAgenciesAsync()
        => me.IsAdministrator ? await VisibleAgenciesAsync() : [];

    /// <summary>The status code of an officer: that of his best certificate today, or None without any.</summary>
    public static string StatusOf(Officer o, DateOnly today)
        => o.Certificates.Count == 0 ? NoCertificate : StaffingMetrics.OfficerStatus(o, today).ToString();

    public static string StatusLabel(string status)
        => Enum.TryParse<CertificateStatus>(status, out var s) ? Certificate.Label(s) : NoCertificateLabel;

    public async Task<OfficerPage> ListAsync(OfficerFilter filter)
    {
        var errors = new ValidationErrors();
        string? status = null;
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var t = filter.Status.Trim();
            status = t == NoCertificate || t == NoCertificateLabel ? NoCertificate : Certificate.ParseStatus(t)?.ToString();
            if (status is null) errors.Add("status", "invalid", UiText.T("officers.error.status_invalid"));
        }
        if (filter.Page < 1) errors.Add("page", "out_of_range", UiText.T("officers.error.page"));
        if (filter.PageSize is < 1 or > 200) errors.Add("pageSize", "out_of_range", UiText.T("officers.error.page_size"));
        errors.ThrowIfAny();

        var query = await db.Officers.AsNoTracking().Include(o => o.Certificates).AsQueryable().InScopeAsync(me, o => o.AgencyId);
        if (filter.AgencyId is { } agencyId) query = query.Where(o => o.AgencyId == agencyId);
        if (filter.UnitId is { } unitId) query = query.Where(o => o.UnitId == unitId);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var number = Certificate.NormalizeNumber(q);
            query = query.Where(o => o.Name.Contains(q) || o.Certificates.Any(c => c.Number.Contains(number)));
        }
        // The status depends on today's date, so it is computed here; an agency has hundreds of officers, not millions.
        var today = Today;
        var officers = (await query.OrderBy(o => o.AgencyId).ThenBy(o => o.Id).ToListAsync())
            .Where(o => status is null || StatusOf(o, today) == status).ToList();
        var items = officers.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToList();
        var names = await NamesAsync(items.Select(o => o.AgencyId));
        return new OfficerPage(items.Select(o => ToSummary(o, names, today)).ToList(), officers.Count, filter.Page, filter.PageSize);
    }

    /// <summary>The officer with certificates and trainings when the user may see its agency, else null (the caller answers 404).</summary>
    public async Task<Officer?> FindVisibleAsync(int officerId)
    {
        var officer = await db.Officers.Include(o => o.Certificates).Include(o => o.Trainings).FirstOrDefaultAsync(o => o.Id == officerId);
        return officer is not null && await me.CanSee(officer.AgencyId) ? officer : null;
    }

    public async Task<OfficerDto> ToDtoAsync(Officer o)
    {
        var names = await NamesAsync([o.AgencyId]);
        var today = Today;
        var s = ToSummary(o, names, today);
        return new OfficerDto(s.Id, s.AgencyId, s.AgencyName, s.UnitId, s.UnitName, s.Name, s.Position, s.HasLegalQualification,
            s.IsLegalReviewer, s.Active, s.Status, s.StatusLabel,
            o.Certificates.OrderBy(c => c.Id).Select(c => ToDto(c, today)).ToList(),
            o.Trainings.OrderByDescending(t => t.Date).ThenByDescending(t => t.Id).Select(ToDto).ToList());
    }

    public static CertificateDto ToDto(Certificate c, DateOnly today)
    {
        var status = c.StatusOn(today);
        return new CertificateDto(c.Id, c.OfficerId, c.Number, c.Issuer, c.ValidFrom, c.ValidUntil, Certificate.SplitDomains(c.Domains),
            c.State.ToString(), Certificate.StateLabel(c.State), c.StateReason, status.ToString(), Certificate.Label(status));
    }

    public static TrainingDto ToDto(TrainingRecord t) => new(t.Id, t.Date, t.Title, t.Hours, t.Result);

    /// <summary>Checks everything a new officer needs without saving; throws naming each refused field.</summary>
    public async Task ValidateNewAsync(OfficerInput input)
    {
        var errors = await ValidateOfficerAsync(input.AgencyId, input);
        if (input.DescribesCertificate())
            await ValidateCertificateAsync(errors, input.CertificateNumber, input.Issuer, input.ValidFrom, input.ValidUntil, input.Domains, "certificateNumber", null);
        errors.ThrowIfAny();
    }

    /// <summary>Creates the officer, with the first certificate when one is described, in the agency the caller checked the user administers.</summary>
    public async Task<Officer> CreateAsync(OfficerInput input)
    {
        await ValidateNewAsync(input);
        var officer = new Officer { AgencyId = input.AgencyId!.Value };
        Apply(officer, input);
        if (input.DescribesCertificate())
        {
            var certificate = new Certificate();
            Apply(certificate, input.CertificateNumber, input.Issuer, input.ValidFrom, input.ValidUntil, input.Domains);
            officer.Certificates.Add(certificate);
        }
        db.Officers.Add(officer);
        await SaveAsync(officer.Certificates.FirstOrDefault()?.Number, "certificateNumber");
        return officer;
    }

    public async Task UpdateAsync(Officer officer, OfficerInput input)
    {
        (await ValidateOfficerAsync(officer.AgencyId, input)).ThrowIfAny();
        Apply(officer, input);
        officer.Active = input.Active;
        await SaveAsync(null, "");
    }

    public async Task<Certificate> AddCertificateAsync(Officer officer, CertificateInput input)
    {
        var errors = new ValidationErrors();
        await ValidateCertificateAsync(errors, input.Number, input.Issuer, input.ValidFrom, input.ValidUntil, input.Domains, "number", null);
        errors.ThrowIfAny();
        var certificate = new Certificate { OfficerId = officer.Id };
        Apply(certificate, input.Number, input.Issuer, input.ValidFrom, input.ValidUntil, input.Domains);
        officer.Certificates.Add(certificate);
        await SaveAsync(certificate.Number, "number");
        return certificate;
    }

    /// <summary>Corrects a certificate's particulars; its state changes only through <see cref="ChangeStateAsync"/>.</summary>
    public async Task UpdateCertificateAsync(Certificate certificate, CertificateInput input)
    {
        var errors = new ValidationErrors();
        await ValidateCertificateAsync(errors, input.Number, input.Issuer, input.ValidFrom, input.ValidUntil, input.Domains, "number", certificate.Id);
        errors.ThrowIfAny();
        Apply(certificate, input.Number, input.Issuer, input.ValidFrom, input.ValidUntil, input.Domains);
        await SaveAsync(certificate.Number, "number");
    }

    public async Task ChangeStateAsync(Certificate certificate, CertificateStateInput input)
    {
        var to = Certificate.ParseState(input.State);
        if (to is null && !string.IsNullOrWhiteSpace(input.State))
            throw new DomainValidationException("state", "invalid", UiText.T("officers.error.state_invalid"));
        Certificate.CheckStateChange(certificate.State, to, input.Reason).ThrowIfAny();
        certificate.ChangeState(to!.Value, input.Reason);
        await SaveAsync(null, "");
    }

    public async Task<TrainingRecord> AddTrainingAsync(Officer officer, TrainingInput input)
    {
        TrainingRecord.Validate(input.Date, input.Title, input.Hours, input.Result, Today).ThrowIfAny();
        var training = new TrainingRecord
        {
            OfficerId = officer.Id, Date = input.Date!.Value, Title = input.Title!.Trim(), Hours = input.Hours!.Value, Result = input.Result?.Trim() ?? "",
        };
        officer.Trainings.Add(training);
        await SaveAsync(null, "");
        return training;
    }

    /// <summary>The dashboard of an agency the caller checked the user may see; null when there is no such agency.</summary>
    public async Task<DashboardDto?> DashboardAsync(int agencyId)
    {
        var agency = await agencies.FindAsync(agencyId);
        if (agency is null) return null;
        var officers = await db.Officers.AsNoTracking().Include(o => o.Certificates).Where(o => o.AgencyId == agencyId).ToListAsync();
        var today = Today;
        var metrics = StaffingMetrics.Compute(officers, today);
        var expiring = CertificateExpiry.Find(officers, today)
            .Select(e => new ExpiringCertificateDto(e.Officer.Id, e.Officer.Name, e.Certificate.Id, e.Certificate.Number, e.Certificate.ValidUntil, e.DaysLeft))
            .ToList();
        return new DashboardDto(agency.Id, agency.Name, today,
            metrics.OfficersByStatus.OrderBy(kv => kv.Key).Select(kv => new StatusCountDto(kv.Key.ToString(), Certificate.Label(kv.Key), kv.Value)).ToList(),
            metrics.ActiveOfficers, metrics.LegalReviewers, metrics.LegalReviewerRatio, StaffingMetrics.LegalReviewerFloor,
            metrics.BelowLegalReviewerFloor, expiring);
    }

    /// <summary>
    /// The public view of a certificate by its number (ORG-3): only the whitelisted fields, nothing that identifies a unit,
    /// a position or a record id. The caller has checked the number's form.
    /// </summary>
    public async Task<PublicCertificateDto?> FindPublicAsync(string number)
    {
        var n = Certificate.NormalizeNumber(number);
        var found = await (from c in db.Certificates.AsNoTracking()
                           join o in db.Officers.AsNoTracking() on c.OfficerId equals o.Id
                           where c.Number == n
                           select new { Certificate = c, Officer = o.Name, o.AgencyId }).FirstOrDefaultAsync();
        if (found is null || await agencies.NameAsync(found.AgencyId) is not { } agency) return null;
        var row = new { found.Certificate, found.Officer, Agency = agency };
        var status = row.Certificate.StatusOn(Today);
        return new PublicCertificateDto(row.Certificate.Number, row.Officer, row.Agency, Certificate.SplitDomains(row.Certificate.Domains),
            row.Certificate.ValidFrom, row.Certificate.ValidUntil, status.ToString(), Certificate.Label(status));
    }

    private async Task<ValidationErrors> ValidateOfficerAsync(int? agencyId, OfficerInput input)
    {
        var errors = Officer.Validate(input.Name, input.Position);
        if (agencyId is null) errors.Add("agencyId", "required", UiText.T("officers.error.agency_required"));
        else if (input.UnitId is { } unitId && !await agencies.HasUnitAsync(agencyId.Value, unitId))
            errors.Add("unitId", "not_found", UiText.T("officers.error.unit_not_in_agency"));
        return errors;
    }

    private async Task ValidateCertificateAsync(ValidationErrors errors, string? number, string? issuer, DateOnly? from, DateOnly? until,
        string? domains, string numberField, int? selfId)
    {
        var own = Certificate.Validate(number, issuer, from, until, domains, numberField);
        errors.AddRange(own.Items);
        if (own.Items.Any(e => e.Field == numberField)) return;
        var n = Certificate.NormalizeNumber(number);
        if (await db.Certificates.AnyAsync(c => c.Number == n && c.Id != selfId))
            errors.Add(numberField, "duplicate", DuplicateNumber);
    }

    private static void Apply(Officer officer, OfficerInput input)
    {
        officer.UnitId = input.UnitId;
        officer.Name = input.Name!.Trim();
        officer.Position = input.Position?.Trim() ?? "";
        officer.HasLegalQualification = input.HasLegalQualification;
        officer.IsLegalReviewer = input.IsLegalReviewer;
    }

    private static void Apply(Certificate c, string? number, string? issuer, DateOnly? from, DateOnly? until, string? domains)
    {
        c.Number = Certificate.NormalizeNumber(number);
        c.Issuer = issuer!.Trim();
        c.ValidFrom = from!.Value;
        c.ValidUntil = until!.Value;
        c.Domains = Certificate.NormalizeDomains(domains);
    }

    /// <summary>The unique index is the last word when two administrators save the same number at once.</summary>
    private async Task SaveAsync(string? number, string numberField)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (number is not null)
        {
            if (await db.Certificates.AsNoTracking().AnyAsync(c => c.Number == number))
                throw new DomainValidationException(numberField, "duplicate", DuplicateNumber);
            throw;
        }
    }

    private sealed record Names(Dictionary<int, string> Agencies, Dictionary<int, string> Units);

    private async Task<Names> NamesAsync(IEnumerable<int> agencyIds)
    {
        var ids = agencyIds.Distinct().ToList();
        return new Names(
            await agencies.NamesAsync(ids),
            await agencies.UnitNamesAsync(ids));
    }

    private static OfficerSummaryDto ToSummary(Officer o, Names names, DateOnly today)
    {
        var status = StatusOf(o, today);
        return new OfficerSummaryDto(o.Id, o.AgencyId, names.Agencies.GetValueOrDefault(o.AgencyId, ""), o.UnitId,
            o.UnitId is { } u && names.Units.TryGetValue(u, out var unit) ? unit : null, o.Name, o.Position,
            o.HasLegalQualification, o.IsLegalReviewer, o.Active, status, StatusLabel(status),
            o.Certificates.OrderBy(c => c.Id).Select(c => c.Number).ToList());
    }

    /// <summary>行政处罚法第五十八条第二款: whether the officer has 法律职业资格 (a first legal review needs it).</summary>
    public Task<bool> HasLegalQualificationAsync(int officerId) => db.Officers.AnyAsync(o => o.Id == officerId && o.HasLegalQualification);

    /// <summary>The officers with their certificates, by id.</summary>
    /// <summary>The names of the given officers, for other areas' lists.</summary>
    public Task<Dictionary<int, string>> OfficerNamesAsync(IReadOnlyCollection<int> officerIds)
        => db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);

    /// <summary>The agency's officers by id and name, for other areas' forms.</summary>
    public async Task<List<(int Id, string Name)>> NamesOfAsync(int agencyId)
        => (await db.Officers.AsNoTracking().Where(o => o.AgencyId == agencyId).OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();

    public Task<bool> BelongsAsync(int officerId, int agencyId) => db.Officers.AnyAsync(o => o.Id == officerId && o.AgencyId == agencyId);

    /// <summary>The agency's officers with their certificates, untracked (for the published lists of 事前公开).</summary>
    public async Task<List<Officer>> OfAgencyWithCertificatesAsync(int agencyId)
        => await db.Officers.AsNoTracking().Include(o => o.Certificates).Where(o => o.AgencyId == agencyId).ToListAsync();
}

/// <summary>A unit that officers belong to may not be deleted (<see cref="Agencies.IUnitUsers"/>).</summary>
public sealed class OfficersOfUnit(AppDbContext db) : Agencies.IUnitUsers
{
    public async Task<bool> UsesUnitAsync(int unitId) => await db.Officers.AnyAsync(o => o.UnitId == unitId);

}
