namespace AIWorkflows.App.Inventory;

/// <summary>
/// The columns of the US federal AI use case inventory (OMB M-25-21; OMB's 2025 consolidated file
/// and its data dictionary): <c>agency</c> and <c>agency_name</c> as the consolidated file starts,
/// then the dictionary's columns in their <c>column_order_in_original_excel</c> order.
/// </summary>
public static class FederalSchema
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "agency", "agency_name",
        "id", "use_case_name", "agency_bureau", "contact_email", "is_withheld", "development_stage", "is_high_impact",
        "HI_justification", "topic_area", "classification", "problem_solved", "benefits", "system_outputs", "operational_date",
        "contracting_usage", "vendor_name", "have_ato", "system_name_ato", "data_description", "link_to_data", "has_pii",
        "pia_url", "demographic_features", "has_custom_code", "code_url", "hi_testing_conducted", "hi_assessment_completed",
        "hi_potential_impacts", "hi_independent_review", "hi_ongoing_monitoring", "hi_training_established",
        "hi_failsafe_presence", "hi_appeal_process", "hi_public_consultation",
    ];

    /// <summary>Without these a row cannot become a tool.</summary>
    public static readonly IReadOnlyList<string> Required = ["id", "use_case_name"];

    /// <summary>Exact, case-insensitive header names: files edited by hand often change the case.</summary>
    public static string? Canonical(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF');
        return Columns.FirstOrDefault(c => string.Equals(c, h, StringComparison.OrdinalIgnoreCase));
    }
}
