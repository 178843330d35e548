using System.Text.Json.Nodes;
using AIWorkflows.App.Policy;

namespace AIWorkflows.App.Tests.Policy;

/// <summary>
/// A broken pack stops the loader with one line naming the file, the JSON path and the rule, which
/// is what an administrator sees when start-up fails.
/// </summary>
public sealed class PolicyPackLoaderBrokenTests : IDisposable
{
    private readonly PackFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertSays(PolicyPackException e, string file, string? path, string rule)
    {
        Assert.StartsWith(file + ":", e.Message, StringComparison.Ordinal);
        if (path is not null) Assert.Contains($" {path}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(rule, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(file, e.File);
        Assert.Equal(path, e.JsonPath);
    }

    [Fact]
    public void MissingSource_NamesFilePathAndRule()
    {
        var e = _folder.Break("baltimore", p => p["tiers"]![0]!["reviews"]![0]!.AsObject().Remove("source"));

        AssertSays(e, "workflows/baltimore.json", "$.tiers[0].reviews[0].source", "required property 'source' is missing");
        Assert.Matches(@"\(line \d+, position \d+\)$", e.Message);
    }

    [Fact]
    public void UnknownRoleInEscalateTo_ListsThePacksRoles()
    {
        var e = _folder.Break("baltimore", p => p["tiers"]![2]!["reviews"]![0]!["escalateTo"] = "mayor");

        AssertSays(e, "workflows/baltimore.json", "$.tiers[2].reviews[0].escalateTo",
            "must be one of the pack's roles (ai_officer, security_officer, city_attorney, department_director, cio, advisory_committee, records_officer, supervisor)");
        Assert.Matches(@"\(line \d+, position \d+\)$", e.Message);
    }

    [Fact]
    public void UnknownReviewRole_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["tiers"]![1]!["reviews"]![2]!["role"] = "mayor");

        AssertSays(e, "workflows/sacramento.json", "$.tiers[1].reviews[2].role", "must be one of the pack's roles (ai_officer,");
    }

    [Fact]
    public void WrongType_SaysWhatTypeIsExpected()
    {
        var e = _folder.Break("albuquerque", p => p["tiers"]![1]!["rank"] = "two");

        AssertSays(e, "workflows/albuquerque.json", "$.tiers[1].rank", "must be an integer");
    }

    [Fact]
    public void MalformedJson_GivesLineAndPosition()
    {
        _folder.WriteText("baltimore", "{\n  \"id\": \"baltimore\",\n  \"city\": \"Baltimore\",,\n}\n");

        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.Load(_folder.Directory, "baltimore"));

        Assert.StartsWith("workflows/baltimore.json:", e.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(line 3, position 23)", e.Message, StringComparison.Ordinal);
        Assert.Equal((3, 23), (e.Line, e.Position));
    }

    [Fact]
    public void DuplicateProperty_IsMalformed_NotSilentlyOverwritten()
    {
        var text = File.ReadAllText(Path.Combine(_folder.Directory, "baltimore.json"));
        _folder.WriteText("baltimore", text.Replace("\"city\": \"Baltimore\",", "\"city\": \"Baltimore\",\n  \"city\": \"Annapolis\",", StringComparison.Ordinal));

        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.Load(_folder.Directory, "baltimore"));

        Assert.StartsWith("workflows/baltimore.json:", e.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("city", e.Message, StringComparison.Ordinal);
        Assert.Equal(("$.city", 5), (e.JsonPath, e.Line));
    }

    [Fact]
    public void UnknownPack_NamesTheFileAndListsTheAvailablePacks()
    {
        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.Load(_folder.Directory, "springfield"));

        AssertSays(e, "workflows/springfield.json", null, "no policy pack 'springfield'");
        Assert.Contains("(available: albuquerque, baltimore, sacramento)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PackIdThatIsAPath_IsRefused()
    {
        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.Load(_folder.Directory, "../secrets"));

        Assert.Contains("'../secrets' is not a pack id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceThatCitesNothing_IsRejectedWithTheAllowedForms()
    {
        var e = _folder.Break("sacramento", p => p["roles"]![0]!["source"] = "the mayor said so");

        AssertSays(e, "workflows/sacramento.json", "$.roles[0].source", "must cite a clause of the city's policy (e.g. \"Sacramento VI.A.7\"");
    }

    [Fact]
    public void SourceCitingAnotherCitysPolicy_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["rubric"]!["rules"]![0]!["source"] = "Albuquerque 4.2");

        AssertSays(e, "workflows/sacramento.json", "$.rubric.rules[0].source", "must cite Sacramento's own policy");
    }

    [Fact]
    public void UnknownConditionField_ListsTheIntakeFields()
    {
        var e = _folder.Break("sacramento", p => p["rubric"]!["rules"]![0]!["when"]![0]!["field"] = "colour");

        AssertSays(e, "workflows/sacramento.json", "$.rubric.rules[0].when[0].field", "must be one of publicFacing, generativeAi,");
    }

    [Fact]
    public void ConditionValueTheFormCannotCarry_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["rubric"]!["rules"]![0]!["when"]![0]!["anyOf"] = new JsonArray("ssn"));

        AssertSays(e, "workflows/sacramento.json", "$.rubric.rules[0].when[0].anyOf[0]",
            "must be one of (public, internal, confidential, pii, hr, health, criminal_justice)");
    }

    [Fact]
    public void ConditionOnAnUnknownQuestion_IsRejected()
    {
        var e = _folder.Break("baltimore", p => p["disclosures"]![0]!["when"]![1]!["field"] = "answers.nope");

        AssertSays(e, "workflows/baltimore.json", "$.disclosures[0].when[1].field", "'nope' must be one of the pack's questions (substantial_genai_outputs, city_managed, use_case)");
    }

    [Fact]
    public void BooleanFieldTestedWithAnyOf_IsRejected()
    {
        var e = _folder.Break("baltimore", p => p["prohibitedUses"]![0]!["when"]![0] = new JsonObject { ["field"] = "impersonation", ["anyOf"] = new JsonArray("true") });

        AssertSays(e, "workflows/baltimore.json", "$.prohibitedUses[0].when[0].is", "required: 'impersonation' is a true/false field");
    }

    [Fact]
    public void MissingRetentionClass_NamesIt()
    {
        var e = _folder.Break("albuquerque", p =>
        {
            var retention = p["retention"]!.AsArray();
            retention.Remove(retention.First(r => (string?)r!["id"] == "incident"));
        });

        AssertSays(e, "workflows/albuquerque.json", "$.retention", "missing: incident");
    }

    [Fact]
    public void UnknownTimeZone_IsRejected()
    {
        var e = _folder.Break("albuquerque", p => p["timeZone"] = "Mars/Olympus_Mons");

        AssertSays(e, "workflows/albuquerque.json", "$.timeZone", "'Mars/Olympus_Mons' is not a time zone this system knows");
    }

    [Fact]
    public void RubricRuleWithUnknownTier_ListsTheTiers()
    {
        var e = _folder.Break("sacramento", p => p["rubric"]!["rules"]![2]!["tier"] = "extreme");

        AssertSays(e, "workflows/sacramento.json", "$.rubric.rules[2].tier", "must be one of the pack's tiers (low, medium, high)");
    }

    [Fact]
    public void UnknownDefaultTier_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["rubric"]!["defaultTier"] = "none");

        AssertSays(e, "workflows/sacramento.json", "$.rubric.defaultTier", "must be one of the pack's tiers");
    }

    [Fact]
    public void PackIdNotMatchingItsFile_IsRejected()
    {
        var e = _folder.Break("baltimore", p => p["id"] = "annapolis");

        AssertSays(e, "workflows/baltimore.json", "$.id", "must be 'baltimore', the name of the file it is in");
    }

    [Fact]
    public void DuplicateRoleId_IsRejected()
    {
        var e = _folder.Break("baltimore", p => p["roles"]![1]!["id"] = "ai_officer");

        AssertSays(e, "workflows/baltimore.json", "$.roles[1].id", "'ai_officer' is used twice");
    }

    [Fact]
    public void UnknownProperty_IsRejectedListingTheAllowedOnes()
    {
        var e = _folder.Break("baltimore", p => p["tiers"]![0]!["colour"] = "green");

        AssertSays(e, "workflows/baltimore.json", "$.tiers[0].colour", "property 'colour' is not allowed here (allowed: id, label, rank, reviews, reassessment, source)");
    }

    [Fact]
    public void ValueOutsideAnEnum_ListsTheChoices()
    {
        var e = _folder.Break("sacramento", p => p["retention"]![0]!["startsOn"] = "whenever");

        AssertSays(e, "workflows/sacramento.json", "$.retention[0].startsOn", "must be one of (created, tool_retired, superseded)");
    }

    [Fact]
    public void InvalidEmail_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["departments"]![0]!["directorEmail"] = "it director");

        AssertSays(e, "workflows/sacramento.json", "$.departments[0].directorEmail", "must be an email address");
    }

    [Fact]
    public void NumberBelowMinimum_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["tiers"]![2]!["reassessment"]!["everyMonths"] = 0);

        AssertSays(e, "workflows/sacramento.json", "$.tiers[2].reassessment.everyMonths", "must be at least 1");
    }

    [Fact]
    public void UnionOfTheWrongType_SaysObjectOrNull()
    {
        var e = _folder.Break("sacramento", p => p["union"] = "yes");

        AssertSays(e, "workflows/sacramento.json", "$.union", "must be an object or null");
    }

    [Fact]
    public void EscalationNotAfterReminder_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["tiers"]![0]!["reviews"]![1]!["escalateAfterBusinessDays"] = 3);

        AssertSays(e, "workflows/sacramento.json", "$.tiers[0].reviews[1].escalateAfterBusinessDays", "must be later than the reminder (3 business days)");
    }

    [Fact]
    public void ClassificationClaimedByTwoOrganizations_IsRejected()
    {
        var e = _folder.Break("sacramento", p => p["union"]!["organizations"]![1]!["classifications"]![0] = "Program Manager");

        AssertSays(e, "workflows/sacramento.json", "$.union.organizations[1].classifications[0]", "'Program Manager' is already represented by 'scxea'");
    }

    [Fact]
    public void SeveralProblems_ReportTheFirstAndCountTheRest()
    {
        var e = _folder.Break("baltimore", p =>
        {
            p["tiers"]![0]!["reviews"]![0]!.AsObject().Remove("source");
            p["tiers"]![1]!["reviews"]![0]!.AsObject().Remove("source");
        });

        AssertSays(e, "workflows/baltimore.json", "$.tiers[0].reviews[0].source", "required property 'source' is missing [and 1 more problem]");
    }

    [Fact]
    public void MissingSchema_IsReportedAsSuch()
    {
        File.Delete(Path.Combine(_folder.Directory, PolicyPackLoader.SchemaFileName));

        var e = Assert.Throws<PolicyPackException>(() => PolicyPackLoader.Load(_folder.Directory, "baltimore"));

        AssertSays(e, "workflows/policy.schema.json", null, "the policy schema is missing");
    }
}
