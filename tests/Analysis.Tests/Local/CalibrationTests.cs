using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Tests.Local;

public sealed class CalibrationTests
{
    [Fact]
    public void The_fitted_step_function_never_goes_down_and_matches_how_often_each_score_was_right()
    {
        // Scores of 0.9 right 3 times in 4; 0.6 right 1 in 2; 0.2 never; 0.4 right once in 2, out of order with 0.6.
        (double, bool)[] points = [(0.9, true), (0.9, true), (0.9, true), (0.9, false), (0.6, true), (0.6, false), (0.4, true), (0.4, false), (0.2, false), (0.2, false)];

        var calibration = Calibration.Fit(points);

        Assert.Equal(0.0, calibration.Apply(0.1));
        Assert.Equal(0.0, calibration.Apply(0.2));
        Assert.Equal(0.5, calibration.Apply(0.5));
        Assert.Equal(0.75, calibration.Apply(0.95));
        var curve = Enumerable.Range(0, 101).Select(step => calibration.Apply(step / 100.0)).ToArray();
        Assert.True(curve.Zip(curve.Skip(1)).All(pair => pair.First <= pair.Second));
    }

    [Fact]
    public void The_shipped_models_are_calibrated_and_send_unsure_items_for_a_human_look()
    {
        var model = LocalModel.Shipped;

        var sure = model.Predict(new TextToAnalyse("The staff were kind and caring and the food was lovely", QuestionKind.WhatWasGood));
        var unsure = model.Predict(new TextToAnalyse("Mixed feelings really"));

        Assert.Equal(0.5f, model.Calibration.ReviewBelow);
        Assert.False(sure.NeedsReview);
        Assert.True(unsure.NeedsReview);
    }
}
