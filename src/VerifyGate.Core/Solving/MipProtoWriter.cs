using OperationsResearch;

namespace VerifyGate.Core.Solving;

/// <summary>Converts a <see cref="MipModel"/> to OR-Tools' MPModelProto (quadratic constraints as
/// general constraints, quadratic objective as MPQuadraticObjective).</summary>
internal static class MipProtoWriter
{
    public static MPModelProto ToProto(MipModel model)
    {
        var proto = new MPModelProto { Maximize = model.Maximize, ObjectiveOffset = model.ObjectiveOffset };
        for (int i = 0; i < model.VariableCount; i++)
        {
            var variable = new MPVariableProto
            {
                LowerBound = model.VarLower(i),
                UpperBound = model.VarUpper(i),
                IsInteger = model.VarKindAt(i) != VarKind.Continuous,
            };
            if (model.VarName(i) is { } name) variable.Name = name;
            proto.Variable.Add(variable);
        }
        for (int k = 0; k < model.ObjectiveVars.Length; k++)
            proto.Variable[model.ObjectiveVars[k]].ObjectiveCoefficient = model.ObjectiveCoefs[k];

        for (int r = 0; r < model.LinearConstraintCount; r++)
        {
            var row = new MPConstraintProto { LowerBound = model.RowLower(r), UpperBound = model.RowUpper(r) };
            if (model.RowName(r) is { } name) row.Name = name;
            for (int k = model.RowStart(r); k < model.RowEnd(r); k++)
            {
                row.VarIndex.Add(model.RowVar(k));
                row.Coefficient.Add(model.RowCoef(k));
            }
            proto.Constraint.Add(row);
        }

        if (model.Hint.Count > 0)
        {
            var hint = new PartialVariableAssignment();
            foreach (var (v, value) in model.Hint)
            {
                hint.VarIndex.Add(v);
                hint.VarValue.Add(value);
            }
            proto.SolutionHint = hint;
        }

        foreach (var q in model.QuadraticConstraints)
        {
            var quadratic = new MPQuadraticConstraint { LowerBound = q.Lower, UpperBound = q.Upper };
            quadratic.VarIndex.Add(q.LinVars);
            quadratic.Coefficient.Add(q.LinCoefs);
            quadratic.Qvar1Index.Add(q.QVars1);
            quadratic.Qvar2Index.Add(q.QVars2);
            quadratic.Qcoefficient.Add(q.QCoefs);
            var general = new MPGeneralConstraintProto { QuadraticConstraint = quadratic };
            if (q.Name is { } name) general.Name = name;
            proto.GeneralConstraint.Add(general);
        }

        if (model.ObjectiveQCoefs.Length > 0)
        {
            var objective = new MPQuadraticObjective();
            objective.Qvar1Index.Add(model.ObjectiveQVars1);
            objective.Qvar2Index.Add(model.ObjectiveQVars2);
            objective.Coefficient.Add(model.ObjectiveQCoefs);
            proto.QuadraticObjective = objective;
        }
        return proto;
    }
}
