using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Officers;

/// <summary>An enforcement officer (执法人员, ORG-2).</summary>
public sealed class Officer
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int? UnitId { get; set; }
    public string Name { get; set; } = "";
    public string Position { get; set; } = "";
    /// <summary>法律职业资格: required of a first-time legal reviewer (行政处罚法 art. 58).</summary>
    public bool HasLegalQualification { get; set; }
    /// <summary>Counts towards the 5% legal-reviewer staffing floor (ORG-5).</summary>
    public bool IsLegalReviewer { get; set; }
    /// <summary>An officer who left keeps his history but no longer counts.</summary>
    public bool Active { get; set; } = true;
    public List<Certificate> Certificates { get; set; } = [];
    public List<TrainingRecord> Trainings { get; set; } = [];

    /// <summary>持证上岗: may act as a handler on <paramref name="day"/> only with a certificate valid that day.</summary>
    public bool IsQualifiedOn(DateOnly day) => Active && Certificates.Any(c => c.StatusOn(day) == CertificateStatus.Valid);

    public static ValidationErrors Validate(string? name, string? position)
        => new ValidationErrors()
            .Required("name", name, Messages.Get("officer.field.name")).MaxLength("name", name?.Trim(), 50, Messages.Get("officer.field.name"))
            .MaxLength("position", position?.Trim(), 50, Messages.Get("officer.field.position"));
}

/// <summary>A training or examination an officer attended (ORG-2, ORG-8).</summary>
public sealed class TrainingRecord
{
    public int Id { get; set; }
    public int OfficerId { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public decimal Hours { get; set; }
    public string Result { get; set; } = "";

    /// <summary>A record names what was attended, when (not in the future) and for how long; the result is optional (合格, 85 分 …).</summary>
    public static ValidationErrors Validate(DateOnly? date, string? title, decimal? hours, string? result, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (date is null) errors.Add("date", "required", Messages.Get("validation.required", Messages.Get("training.field.date")));
        else if (date > today) errors.Add("date", "in_future", Messages.Get("training.date_in_future"));
        errors.Required("title", title, Messages.Get("training.field.title")).MaxLength("title", title?.Trim(), 200, Messages.Get("training.field.title"));
        if (hours is null) errors.Add("hours", "required", Messages.Get("validation.required", Messages.Get("training.field.hours")));
        else if (hours <= 0 || hours > 1000) errors.Add("hours", "out_of_range", Messages.Get("training.hours_out_of_range"));
        else if (decimal.Round(hours.Value, 1) != hours) errors.Add("hours", "precision", Messages.Get("training.hours_precision"));
        errors.MaxLength("result", result?.Trim(), 50, Messages.Get("training.field.result"));
        return errors;
    }
}
