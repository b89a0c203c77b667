namespace Zhifa.Web.Features.Cases;

/// <summary>
/// REC-5, asked by <see cref="CaseStepService.FactsAsync"/>: the steps of a case with an audio-visual record registered
/// to them or an approved explanation why there is none; the records area implements and registers it.
/// </summary>
public interface ICaseRecordedSteps
{
    /// <summary>The steps (by code or by label, as the records name them) that have a record or an approved exemption.</summary>
    Task<List<string>> RecordedStepsAsync(int caseId);
}
