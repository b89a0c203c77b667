namespace Zhifa.Domain.Cases;

/// <summary>
/// The names of the steps a case moves through (REC-2). The state machine (CaseStateMachine) decides which moves are
/// allowed and on what conditions; this class only names them.
/// </summary>
public static class CaseSteps
{
    public const string Filed = "filed";
}
