// dotnet run --project samples/ModelGenerator -c Release -- samples/ModelRepo/models
using VerifyGate.Samples;

string directory = args.Length > 0 ? args[0] : Path.Combine("samples", "ModelRepo", "models");
SampleModels.Write(directory, Console.Out);
