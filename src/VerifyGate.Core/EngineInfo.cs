namespace VerifyGate.Core; public static class EngineInfo { public const string Version = "0.1.1"; }
