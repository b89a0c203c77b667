namespace Zhifa.Web.Features.Audit;
public sealed class AuditVerifier;
