namespace Zhifa.Web.Features.Cases;

/// <summary>
/// The documents' part of a case's facts (REC-3), asked by <see cref="CaseStepService.FactsAsync"/>; the documents
/// area implements and registers it, so the case area never calls it.
/// </summary>
public interface ICaseRecordState
{
    /// <summary>The case's 笔录 that are neither signed nor marked refused.</summary>
    Task<List<string>> UnsignedRecordsAsync(int caseId);
}
