namespace Zhifa.Domain.Cases;

/// <summary>The six kinds of enforcement action that are cases (REC-1).</summary>
public enum CaseCategory { Penalty, Coercion, Inspection, Licensing, Expropriation, Confirmation }

/// <summary>简易程序 / 普通程序 for penalties; other categories use Standard.</summary>
public enum CaseProcedure { Standard, Simple, General }

/// <summary>An enforcement action (案件) from its start to its archiving (REC-1, REC-2).</summary>
public sealed class Case
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int? UnitId { get; set; }
    public int MatterId { get; set; }
    public CaseCategory Category { get; set; }
    public CaseProcedure Procedure { get; set; }
    /// <summary>The case number as issued, e.g. 永卫罚〔2026〕12号; unique per agency.</summary>
    public string Number { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>案由: a short statement of what the case is about.</summary>
    public string Title { get; set; } = "";
    public string Facts { get; set; } = "";
    public string Place { get; set; } = "";
    /// <summary>The step the case is at; the values are those of <see cref="CaseSteps"/>, moved only by the state machine.</summary>
    public string Step { get; set; } = "";
    /// <summary>When the act happened, or ended for a continuing act (LAW-2 limitation period).</summary>
    public DateOnly? ActEndedOn { get; set; }
    /// <summary>Harm to life and health or financial security: the limitation period is 5 years instead of 2.</summary>
    public bool SeriousHarm { get; set; }
    public DateTime OpenedAt { get; set; }
    public string OpenedBy { get; set; } = "";
    public List<CaseParty> Parties { get; set; } = [];
    public List<CaseOfficer> Officers { get; set; } = [];
    public List<CaseStepRecord> History { get; set; } = [];
}

public enum PartyKind { NaturalPerson, IndividualBusiness, LegalPerson, OtherOrganization }

/// <summary>A party (当事人) of an agency's cases; one row per person or organisation so that all its cases are found together.</summary>
public sealed class Party
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public PartyKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>居民身份证号码 of a natural person or of the operator of an 个体工商户.</summary>
    public string IdNumber { get; set; } = "";
    /// <summary>统一社会信用代码 of an organisation or an 个体工商户.</summary>
    public string CreditCode { get; set; } = "";
    public string LegalRepresentative { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public bool IsMinor { get; set; }
}

/// <summary>A party's part in one case.</summary>
public sealed class CaseParty
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int PartyId { get; set; }
    public Party? Party { get; set; }
}

/// <summary>An officer handling the case; at least two, each with a certificate valid on the day (LAW-3).</summary>
public sealed class CaseOfficer
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int OfficerId { get; set; }
    public bool IsLead { get; set; }
    /// <summary>
    /// When the head granted the officer's recusal (行政处罚法第四十三条): the row stays as the case's history, but the
    /// officer no longer handles the case, counts for none of its rules and cannot be assigned to it again.
    /// </summary>
    public DateTime? RecusedAt { get; set; }
}

/// <summary>One move of the case from a step to the next: who, when, where, why.</summary>
public sealed class CaseStepRecord
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string FromStep { get; set; } = "";
    public string ToStep { get; set; } = "";
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string Place { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>The last number issued per agency, kind and year; incremented in the transaction that numbers (gap-free).</summary>
public sealed class NumberCounter
{
    public int AgencyId { get; set; }
    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public int Last { get; set; }
}
