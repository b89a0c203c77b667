// Data, not messages: the steps the 全过程记录 rules name, matched within the step an officer records
namespace Zhifa.Domain.Records;

/// <summary>
/// REC-5 (万州区 全过程记录制度): steps that must be recorded on audio-video — on-site inspections and
/// evidence-taking, seizure and sealing, service of documents on site, hearings, enforcement on site.
/// </summary>
public static class RecordingSteps
{
    public static readonly IReadOnlyList<string> Mandatory = ["现场检查", "调查取证", "查封扣押", "现场送达", "听证", "强制执行", "先行登记保存"];
}
