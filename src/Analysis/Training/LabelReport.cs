namespace QualityVoice.Analysis.Training;

/// <summary>Cross-validated figures for one sub-category.</summary>
/// <param name="Name">The sub-category.</param>
/// <param name="Examples">How many training comments have it.</param>
/// <param name="Threshold">The decision threshold chosen for it.</param>
/// <param name="Precision">Cross-validated precision.</param>
/// <param name="Recall">Cross-validated recall.</param>
/// <param name="F1">Cross-validated F1.</param>
public sealed record LabelReport(string Name, int Examples, double Threshold, double Precision, double Recall, double F1);
