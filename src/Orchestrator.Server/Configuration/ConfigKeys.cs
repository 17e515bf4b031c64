namespace Orchestrator.Server.Configuration;

/// <summary>The configuration keys the server reads; error messages name them so an operator knows what to fix.</summary>
internal static class ConfigKeys
{
    public const string Root = "Orchestrator";
    public const string DataDir = "Orchestrator:DataDir";
    public const string StorageProvider = "Orchestrator:Storage:Provider";
    public const string StorageConnectionString = "Orchestrator:Storage:ConnectionString";
    public const string StoragePowerLossDurability = "Orchestrator:Storage:PowerLossDurability";
    public const string Engine = "Orchestrator:Engine";
    public const string WorkflowAssemblies = "Orchestrator:WorkflowAssemblies";
    public const string Users = "Orchestrator:Users";
    public const string FlowPaths = "Orchestrator:Flows:Paths";
    public const string FaultPoint = "Orchestrator:Faults:Point";
    public const string FaultAfterHits = "Orchestrator:Faults:AfterHits";
    public const string MaxRequestBytes = "Orchestrator:Limits:MaxRequestBytes";
    public const string CredentialFailuresPerAddress = "Orchestrator:Limits:CredentialFailuresPerAddress";
    public const string CredentialFailuresPerUser = "Orchestrator:Limits:CredentialFailuresPerUser";
    public const string CredentialFailureWindow = "Orchestrator:Limits:CredentialFailureWindow";
    public const string AnonymousAuditRecordsPerMinute = "Orchestrator:Limits:AnonymousAuditRecordsPerMinute";
    public const string MaxPayloadBytes = "Orchestrator:Limits:MaxPayloadBytes";
    public const string StreamKeepAlive = "Orchestrator:Stream:KeepAlive";
    public const string SessionIdleTimeout = "Orchestrator:Sessions:IdleTimeout";
}
