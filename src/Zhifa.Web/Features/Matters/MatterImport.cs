namespace Zhifa.Web.Features.Matters;
public sealed class MatterImport;
