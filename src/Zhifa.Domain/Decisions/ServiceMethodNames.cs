// Data, not messages: the ways of service as the law names them; stored as written, so they never change
namespace Zhifa.Domain.Decisions;

/// <summary>行政处罚法第六十一条 (by the 民事诉讼法's ways of service, 电子送达 with the party's consent).</summary>
public static class ServiceMethodNames
{
    public static readonly IReadOnlyList<string> All = ["直接送达", "留置送达", "邮寄送达", "电子送达", "委托送达", "公告送达"];
}
