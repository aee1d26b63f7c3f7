"""Seeds 001 and 004 (documents/tests/data/seed_00N.txt) re-entered as the secretariat would: CouncilDocuments
built by hand, the letter's words, its signatories, the annex's own sections, lists and footnotes.

Both are joint General Assembly / Security Council letters of the Women, Peace and Security Focal Points Network.
The seed texts do not carry their symbols or job numbers: those below are placeholders in the right format.
A paragraph the original splits at a page break is one paragraph here, as it was typed.
"""

# ruff: noqa: E501 - the documents' text, re-entered paragraph by paragraph
from __future__ import annotations

import datetime

from documents.council import CouncilDocument, ListBlock, ListItem, Organs, Section, Signature

GERMANY = Signature("Christoph", "Heusgen", "Permanent Representative", "Germany")
NAMIBIA = Signature("Neville Melvin", "Gertze", "Permanent Representative", "Namibia")
SPAIN_2017 = Signature("Román", "Oyarzun", "Permanent Representative", "Spain")
SPAIN_2018 = Signature("Jorge", "Moragas", "Permanent Representative", "Spain")
STATES = "Germany, Namibia and Spain"
AGENDA_ITEM_65 = "Peacebuilding and sustaining peace"

BODY_001 = (
    "<p>Spain, together with Germany and Namibia, has the honour to transmit the Chair's summary of the "
    "second meeting of the Women, Peace and Security National Focal Points Network, co-organized by the "
    "three countries and held in New York on 21 September 2017 as a follow-up to the meeting held in "
    "Alicante, Spain, earlier in 2017 (see annex). This initiative was launched on 23 September 2016 on "
    "the margins of the general debate of the General Assembly.</p><p>We should be grateful if the "
    "present letter and its annex could be circulated as a document of the General Assembly, under agenda"
    " item 65, and of the Security Council.</p>"
)

SEED_001_SECTIONS = (
    Section(
        "",
        (
            (
                "<p>The Women, Peace and Security National Focal Points Network is a cross-regional forum of "
                "representatives of Governments and regional and international organizations. Launched in New York in"
                " September 2016, the Network aims to provide a space for the exchange of experiences and best "
                "practices on women and peace and security from the national and regional perspectives, and to "
                "advance the commitment of Member States to increasing the participation of women in peace and "
                "security policies and programmes at the national, regional and international levels.</p>"
            ),
            (
                "<p>The first meeting of the Network was held in Alicante, Spain, in April 2017. The two-day meeting,"
                " which focused on national action plans on women and peace and security, brought together over 100 "
                "national focal points, government actors and civil society representatives from 61 countries. The "
                "Chair's summary of the meeting was transmitted to the Secretary-General and circulated as a document"
                " of the General Assembly and of the Security Council.<span "
                'class="footnote">A/71/927-S/2017/485.</span></p>'
            ),
            (
                "<p>On the margins of the general debate of the seventy-second session of the General Assembly, the "
                "second meeting of the Network was held in New York on 21 September 2017, co-convened by Spain, "
                "together with Germany and Namibia, with the support of the United Nations Entity for Gender Equality"
                " and the Empowerment of Women (UN-Women). The three-hour meeting was attended by over 100 people, "
                "including focal points and national representatives from all regions, the United Nations and "
                "international non-governmental organizations. The meeting focused on promoting the participation of "
                "women and gender mainstreaming in conflict prevention and in the security sector, and on operational"
                " issues.</p>"
            ),
            (
                "<p>The opening plenary featured welcoming remarks by the three members of the Network Presidency: "
                "Ildefonso Castro López, Secretary of State for Foreign Affairs of Spain; Patricia Flor, Director "
                "General for International Order, the United Nations and Arms Control of the Federal Foreign Office "
                "of Germany; and Selma Ashipala-Musavyi, national focal point and Permanent Secretary of the Ministry"
                " of International Relations and Cooperation of Namibia. The opening remarks underscored the "
                "necessity for Member States to assume greater responsibility for implementing the normative "
                "framework on women and peace and security, working hand in hand with civil society and, "
                "increasingly, with regional organizations.</p>"
            ),
            ListBlock(
                lead_in_html=(
                    "<p>Francisco Javier Sanabria Valderrama, national focal point and Director General for the United "
                    "Nations and Human Rights of Spain, moderated a panel discussion, which included the following "
                    "participants:</p>"
                ),
                items=(
                    ListItem(
                        "(a)",
                        (
                            "<p>Lieutenant Colonel Rachel Grimes, Office of Military Affairs, Department of Peacekeeping "
                            "Operations of the United Nations;</p>"
                        ),
                    ),
                    ListItem(
                        "(b)",
                        (
                            "<p>Captain Dariia Malakhova, Senior Expert, NATO Division, Government Office for European and "
                            "Euro-Atlantic Integration, Secretariat of the Cabinet of Ministers, Ukraine;</p>"
                        ),
                    ),
                    ListItem(
                        "(c)",
                        (
                            "<p>Lieutenant Colonel Nombuso Hlengane, Police Planning Officer, Police Division, Department of "
                            "Peacekeeping Operations.</p>"
                        ),
                    ),
                ),
            ),
            (
                "<p>After the panel presentations, representatives of the following countries delivered statements on"
                " the theme of the meeting: Afghanistan, Argentina, Bangladesh, Brazil, Canada, Chile, Finland, "
                "France, Italy, Norway, the Philippines, Portugal, Singapore, Slovenia, South Africa, Thailand, the "
                "United Kingdom of Great Britain and Northern Ireland, and the United States of America. These were "
                "followed by statements from the African Union and the European Union, as well as by representatives "
                "from the Women's International League for Peace and Freedom, the Global Network of Women "
                "Peacebuilders and the NGO Working Group on Women, Peace and Security.</p>"
            ),
        ),
    ),
    Section(
        "Increasing the participation of women in the security sector",
        (
            (
                "<p>The 2015 global study on the implementation of Security Council resolution 1325 (2000) "
                "extensively documented the operational gains of women's participation in United Nations police and "
                "troops, highlighting the key roles played by female officers in protecting civilians. The study also"
                " showed that the participation of women in United Nations military missions has progressed at a very"
                " slow pace.</p>"
            ),
            (
                "<p>At the meeting, the panellists shared first-hand experiences of women soldiers who had enhanced "
                "operational effectiveness on the ground by listening to female and male civilians and by "
                "incorporating their concerns and suggestions into military plans in order to provide them with "
                "better protection. Visible and invisible structural barriers to the representation of women in "
                "United Nations military missions were shared, including: lack of awareness among military "
                "departments of resolution 1325 (2000) and subsequent resolutions; limited knowledge of national "
                "action plans; insufficient or inaccessible information for women in the police, military or civil "
                "sectors about work opportunities in the United Nations; and the preference of commanders and "
                "selection boards for the deployment of male officers.</p>"
            ),
            (
                "<p>The establishment of gender advisers within the ministries of defence and interior, a "
                "whole-government approach and accountability mechanisms for the implementation of national action "
                "plans are therefore crucial for advancing the women and peace and security agenda. The panellists "
                "shared information on initiatives to boost the participation of women. These included "
                "gender-sensitive recruitment, training and promotion processes, the establishment of quotas and "
                "other temporary special measures for women, including exclusive training for female officers as part"
                " of their professional development opportunities, mentorship programmes, the creation of women's "
                "networks within the ministries to ensure organizational transformation and the review of deployment "
                "processes to identify the criteria that may have a negative impact on women's access to deployment "
                "or career development opportunities.</p>"
            ),
            (
                "<p>Member States also shared good practices for increasing the participation of women in their "
                "defence and security institutions. Brazil referred to the participation of military women in their "
                "contingent in Haiti and the existence of quotas for women in military academies. Chile reported that"
                " a regulation allowing women to become generals had been approved. Canada reported that its armed "
                "forces had established a directive to integrate Security Council resolution 1325 (2000) and "
                "subsequent resolutions into planning, doctrine and operations, and the new national defence policy "
                "had introduced a commitment to women and peace and security and to gender equality, which had been "
                "endorsed at the political level. Civil society organizations were invited to participate in the "
                "implementation and monitoring of the policy to ensure transparency, accountability and "
                "expertise.</p>"
            ),
            (
                "<p>The United Kingdom shared information on the upcoming launch of a senior-level military network "
                "in Vancouver, Canada, where attendees will be encouraged to sign up as gender champions. Bangladesh "
                "reported that the country is planning to host a ministerial preparatory meeting and highlighted "
                "Government efforts, through school programmes, to encourage girls to consider joining the military "
                "as cultural norms can be a challenge to female participation in the military.</p>"
            ),
            (
                "<p>Norway informed the meeting of the development of a document on the inclusion of gender equality "
                "in peacekeeping training and peace processes, which could be disseminated through the Network. "
                "Furthermore, women and peace and security commitments are included in Norway's armed forces "
                'operations and deployments through guidance on a "gender perspective in armed forces '
                'operations".</p>'
            ),
            (
                "<p>Representatives of civil society organizations at the meeting noted the importance of two "
                "components of peacekeeping that can contribute to increasing the participation of women: (a) "
                "strengthening the recruitment processes and the professionalization of women in the security sector;"
                " and (b) gender mainstreaming in peacekeeping operations from mandate to implementation. Moreover, "
                "ensuring gender analysis and information in all relevant areas (disarmament, demobilization and "
                "reintegration, security sector reform and protection of civilians) is fundamental and requires "
                "adequate resources and support from mission leadership. Concerns about funding cuts on gender issues"
                " in the reform of peace operations were also mentioned. Finland agreed with other representatives "
                "regarding the importance of implementing gender analysis in peace operations and noted that, in the "
                "framework of the national action plan, ensuring career opportunities, information campaigns and "
                "cooperation with media to increase the visibility of crisis management as a career choice are "
                "important milestones.</p>"
            ),
        ),
    ),
    Section(
        "Advancing holistic approaches of prevention",
        (
            (
                "<p>Participants at the meeting commended the increased attention of the Secretary-General to the "
                "women and peace and security agenda and his prioritization of conflict prevention, and several also "
                "expressed support for his launch of the voluntary compact to eradicate exploitation and abuse in "
                "United Nations operations. The United Kingdom expressed support for the Global Call for Women's "
                "Participation in Peace Processes, which is intended to promote the appointment of women as special "
                "representatives and deputy special representatives of the Secretary-General, and called for an "
                "increase of funding for gender-related issues.</p>"
            ),
            (
                "<p>Several country representatives noted that training soldiers in gender equality issues and "
                "increasing the number of women in the security sector are not a panacea. Italy and Portugal pointed "
                'to the need for "more holistic conflict prevention" measures, noting that adding women to the '
                "security sector does not prevent conflict. Gender equality, women's human rights and development, "
                "which are key to the women and peace and security agenda, have to be addressed simultaneously. South"
                " Africa defended the need for greater investment in grassroots organizations and in local women's "
                "empowerment in order for those women to become actors in conflict prevention, peacekeeping and "
                "sustainable peace within their communities.</p>"
            ),
            (
                "<p>The European Union took the opportunity to comment on the Spotlight Initiative to eliminate "
                "violence against women and girls, which was jointly launched by the European Union and the United "
                "Nations and aims to implement the women and peace and security agenda. This statement was applauded "
                "by attendees. Generic standards of behaviour are being developed and will be disseminated to all "
                "European Union personnel deployed in peacekeeping operations. Those standards are also being shared "
                "with the Department of Peacekeeping Operations for possible inclusion in United Nations "
                "missions.</p>"
            ),
            (
                "<p>The African Union Special Envoy on Women, Peace and Security, Bineta Diop, commented that the "
                "inclusion of women in the troops deployed by the African Union had been an effective strategy for "
                "tackling sexual exploitation and abuse. The African Union was developing a zero-tolerance policy and"
                " a code of conduct regarding sexual exploitation and abuse that should complement existing tools for"
                " conducting judicial investigations and holding perpetrators accountable. She concluded her "
                "statement by reminding the meeting that the African Union Commission had reached parity between men "
                "and women at the top level, and that such parity needed to be achieved within the African Union "
                "troops as well.</p>"
            ),
        ),
    ),
    Section(
        "National action plans on women and peace and security",
        (
            (
                "<p>Despite a great deal of effort by the international community to encourage Member States to use "
                "inclusive processes when developing national action plans on women and peace and security, just over"
                " 60 countries have formulated such action plans to date. There was thus a need for continued "
                "advocacy at the local, national, regional and international levels and for the exchange of specific "
                "and practical ideas and best practices on how to design and implement national action plans and "
                "accelerate the implementation of the women and peace and security agenda, for which purpose the "
                "Network was instrumental.</p>"
            ),
            (
                "<p>The importance of national action plans as tools to measure the advancement of women in the peace"
                " and security agenda was stressed by all participants. Several speakers underlined the need to "
                "increase cooperation between ministries (whole-government approach) to ensure efficiency and better "
                "results. The need to develop national action plans, even in peaceful regions and countries, and the "
                "need for those national action plans to address emerging trends (such as migration and humanitarian "
                "crises, terrorism and sexual violence) were also underscored.</p>"
            ),
            (
                "<p>Several speakers updated the meeting on their countries' national action plan development "
                "processes. Brazil launched the development of its first national action plan on 8 March 2017. "
                "Namibia is in the process of developing its first national action plan, which is expected to "
                "accelerate the implementation of the women and peace and security agenda in the country. South "
                "Africa is planning to hold a meeting on the development of its national action plan in October 2017."
                " Canada is reviewing its first national action plan, and France will begin the review of its second "
                "national action plan in 2018. Both Germany and Spain launched their second national action plans in "
                "2017. Chile reported that, for the first time, progress indicators had been included in its recently"
                " adopted second national action plan. Slovenia noted that the first meeting of the Network had "
                "informed preparations for its second national action plan, which will be completed by the end of "
                "2017. Finland is developing its third national action plan. Italy launched its third national action"
                " plan with a flagship initiative for the establishment of the Mediterranean Women Mediators Network."
                " The Philippines announced the recent launch of its third national action plan and highlighted its "
                'national "informal peace table", where women, young people and people with disabilities are given '
                "the opportunity to contribute to the peace and security agenda. Norway is about to start work on its"
                " fourth national action plan.</p>"
            ),
            (
                "<p>Namibia, South Africa and Thailand are implementing other women and peace and security frameworks"
                " through their national measures and guidelines. The United States is producing a toolkit to support"
                " the development of national action plans, which is to be launched later in 2017. Slovenia reported "
                "the organization of a regional meeting on women and peace and security, dedicated to national action"
                " plans of Western Balkan countries, in February 2018.</p>"
            ),
            (
                "<p>The European Union indicated that its Global Strategy on Foreign and Security Policy named gender"
                " equality and women and peace and security as cross-cutting issues, that 18 out of 28 members had a "
                "national action plan, that a regional action plan was currently being revised and updated and that a"
                " European regional network for women and peace and security would soon be created. The African Union"
                " Special Envoy on Women, Peace and Security reiterated that 19 African countries had created "
                "national action plans and that several subregional action plans were being developed.</p>"
            ),
        ),
    ),
    Section(
        "Operational issues of the Network and coordination with other networks",
        (
            (
                "<p>UN-Women will serve as the secretariat of the Network from September 2017 onwards. It was "
                "requested that the secretariat develop operational guidelines for the functioning of the Network by "
                "the end of 2017 and that it prepare regular newsletters highlighting best practices, recent "
                "developments and specific projects that focal points may wish to share. Chile suggested that the "
                "Network be used, inter alia, as an observatory and information hub for members to access data, "
                "policies, laws and best practices of other countries. The United Kingdom observed that sharing "
                "information on programming between donors and recipients can increase coherence and prevent "
                "overlaps.</p>"
            ),
            (
                "<p>The participants also mentioned additional opportunities for the sharing of information. Norway "
                "mentioned the launch, in cooperation with the Georgetown Institute for Women, Peace and Security, of"
                " the Global Women, Peace, and Security Index in October 2017. The United States suggested sharing "
                "best practices in countering violent extremism and terrorism at the meeting in Berlin in 2018. "
                "Thailand advocated for the creation of a network of female peacekeepers to promote information "
                "sharing among them.</p>"
            ),
            (
                "<p>Future opportunities for synergies with other relevant initiatives such as regional focal point "
                "networks, the African Women Leaders Network, the various networks of women mediators or networks of "
                "civil society organizations, such as the NGO Working Group on Women, Peace and Security, were also "
                "emphasized as fundamental to accelerating progress in this area.</p>"
            ),
        ),
    ),
    Section(
        "Integration of civil society organizations within the Network",
        (
            (
                "<p>Participants highlighted the need to include civil society organizations within the Network, to "
                "clearly identify their roles, to include them in decision-making processes and to find alternatives "
                "and mechanisms to fund their projects and ideas. In this regard, Canada assured the meeting that "
                "Canadian civil society organizations would be attending the meeting of the Network in Berlin in "
                "2018.</p>"
            ),
            (
                "<p>Italy, which is currently implementing its third national action plan, provided information about"
                " the involvement of civil society organizations in the completion of the plan and its future "
                "implementation, thanks to public funding. Italy further stressed that civil society organizations "
                "should be part of the consultations and decisions related to women and peace and security. Along "
                "with Italy, representatives from the United Kingdom and Thailand suggested that, to obtain a better "
                "understanding of first-hand experiences in conflict prevention and peacekeeping, the Network should "
                "continue to welcome the active participation of civil society organizations and to invite to its "
                "meetings women representatives of local communities and organizations dedicated to women and peace "
                "and security.</p>"
            ),
            (
                "<p>The need to find innovative funding models for women's civil society organizations working on the"
                " frontline of conflict prevention and countering violent extremism was also highlighted. South "
                "Africa shared its approach of collecting input from the grassroots level on the implementation of "
                "Security Council resolution 1325 (2000) and subsequent resolutions, and called for the participation"
                " of the Pan-African Women's Organization in this network, due to its regular contact with "
                "local-level organizations.</p>"
            ),
        ),
    ),
    Section(
        "Closing remarks",
        (
            (
                "<p>In his closing remarks, the Assistant Secretary-General and Deputy Executive Director for Policy "
                "and Programme, UN-Women, Yannick Glemarec, emphasized the potential of national action plans to "
                "address structural barriers that prevent the participation of women in peace and security. The "
                "Assistant Secretary-General noted that the increased participation of women could help create a more"
                " trusted, representative and legitimate security apparatus and contribute to building stable and "
                "just societies. However, the proportion of women in police and military forces still remained low. "
                "Recent developments, such as the launch of the system-wide strategy on gender parity by the "
                "Secretary-General and the ongoing discussions between UN-Women, the Department of Peacekeeping "
                "Operations and the Department of Field Support in the development of a dedicated strategy, in "
                "consultation with troop- and police-contributing countries, to significantly increase the numbers of"
                " women peacekeepers and police in peacekeeping missions would integrate the outcomes of the "
                "discussions of the Network meetings. Mr. Glemarec concluded his remarks by reiterating UN-Women's "
                "commitment as the secretariat of the Network to continuing to provide technical and logistical "
                "support for biannual and expert meetings, including the meeting in Berlin in 2018. A database of "
                "members of the Network created by Spain, as the initiator and Chair of the Network in 2017, would be"
                " regularly updated. The production of regular newsletters and the mapping of national and regional "
                "actions and initiatives related to women and peace and security would also be ensured.</p>"
            ),
        ),
    ),
    Section(
        "Key action points",
        (
            ListBlock(
                lead_in_html=(
                    "<p>The following key action points were agreed upon at the second meeting of the Network:</p>"
                ),
                items=(
                    ListItem(
                        "(a)",
                        (
                            'Implementation of women and peace and security commitments<ol type="i"><li>Increase efforts to '
                            "nominate gender focal points among national police services in order to facilitate the sharing of "
                            "best practices and the deployment of female police officers to peacekeeping "
                            "operations;</li><li>Stress the importance of nominating a minimum of 20 per cent female police "
                            "officers;</li><li>Review deployment processes and revise criteria and procedures that may have "
                            "negative effects on women;</li></ol>"
                        ),
                    ),
                    ListItem(
                        "(b)",
                        (
                            'Knowledge management and information sharing<ol type="i"><li>Secretariat to produce and disseminate '
                            "a regular newsletter;</li><li>Secretariat to draft, in coordination with the Chair and the other two"
                            " members of the Presidency, operational guidelines on the functioning of the Network by the end of "
                            "2017;</li><li>Network to serve as an observatory and information hub for members to access data, "
                            "policies, laws and best practices of other countries;</li><li>Disseminate information about upcoming"
                            " events (i.e., senior-level military network in Vancouver, Canada; regional meeting dedicated to "
                            "national action plans of Western Balkan countries; launch of the Global Women, Peace, and Security "
                            "Index);</li><li>Disseminate knowledge products to the network (document on the inclusion of gender "
                            "equality in peacekeeping training and peace processes and Global Women, Peace, and Security "
                            "Index);</li></ol>"
                        ),
                    ),
                    ListItem(
                        "(c)",
                        (
                            'Closing the gap between the global and the field levels<ol type="i"><li>Network to include civil '
                            "society organizations among its members;</li><li>Secretariat and focal points to facilitate the "
                            "participation of non-governmental organizations in the next meeting of the Network in "
                            "Berlin;</li><li>Secretariat and focal points to facilitate the participation of grassroots-level "
                            "women leaders/representatives in the next meeting of the Network in Berlin;</li><li>Secretariat and "
                            "focal points to explore innovative funding models for civil society organizations working on the "
                            "frontline of conflict prevention and countering violent extremism;</li></ol>"
                        ),
                    ),
                    ListItem(
                        "(d)",
                        (
                            'Increased coordination with other networks and existing structures<ol type="i"><li>Secretariat to '
                            "liaise with other national and regional initiatives;</li><li>Establish links with other civil "
                            "society initiatives (including the NGO Working Group on Women, Peace and Security and the "
                            "Pan-African Women's Organization);</li><li>Plan the creation of a network of female "
                            "peacekeepers.</li></ol>"
                        ),
                    ),
                ),
            ),
        ),
    ),
)

BODY_004 = (
    "<p>Spain, together with Germany and Namibia, has the honour to transmit herewith the Technical "
    "Operative Guidelines of the Women and Peace and Security Focal Points Network, agreed upon in "
    "December 2017 (see annex).</p><p>We also take this opportunity to inform you that Germany has taken "
    "over the annual chairmanship of the Focal Points Network, as of January 2018. Spain and Namibia, as "
    "the outgoing and next Chairs, respectively, are part of the Network's troika.</p><p>We should be "
    "grateful if the present letter and its annex were circulated as a document of the General Assembly, "
    "under agenda item 65, and of the Security Council.</p>"
)

SEED_004_SECTIONS = (
    Section(
        "Background and objectives",
        (
            (
                "<p>The Women and Peace and Security Focal Points Network was created to assist Member States and "
                "regional organizations to improve and strengthen the implementation of the women and peace and "
                "security agenda at the origin of decision-making processes. The initiative stems from a commitment "
                "made by Spain during the high-level review of the implementation of Security Council resolution 1325"
                " (2000), which was held in October 2015. The founding meeting of the Network was organized by Spain "
                "in September 2016, with the co-sponsorship of Canada, Chile, Japan, Namibia and the United Arab "
                "Emirates.</p>"
            ),
            (
                "<p>The Network affirms that Member States, regional organizations and the United Nations are the "
                "most influential actors in the implementation of the women and peace and security agenda and have "
                "the primary responsibility for ensuring that global commitments and obligations are effectively "
                "integrated into domestic policies and legislation.</p>"
            ),
            (
                "<p>The Network serves as a cross-regional forum and provides space in which to share experiences and"
                " best practices so as to advance the implementation of all Security Council resolutions on women and"
                " peace and security and to improve the coordination of funding and assistance programmes. The "
                "Network also encourages information flow with relevant forums, such as the Security Council Informal"
                " Expert Group on Women and Peace and Security and the Group of Friends of Women, Peace and "
                "Security.</p>"
            ),
        ),
    ),
    Section(
        "Membership and actors",
        (
            (
                "<p>Membership of the Network is open and all Member States and regional organizations are encouraged"
                " to become members and assign a focal point to the Network.</p>"
            ),
            (
                '<p>Current Network membership includes 78 focal points.<span class="footnote">Afghanistan, '
                "Argentina, Australia, Austria, Bahrain, Bangladesh, Belgium, Bosnia and Herzegovina, Brazil, "
                "Bulgaria, Burkina Faso, Canada, Chile, Colombia, Croatia, Cyprus, Czechia, Denmark, Egypt, El "
                "Salvador, Estonia, Ethiopia, Finland, France, Georgia, Germany, Greece, Guatemala, Hungary, "
                "Indonesia, Ireland, Italy, Japan, Jordan, Kazakhstan, Kenya, Latvia, Liberia, Liechtenstein, "
                "Lithuania, Luxembourg, Malaysia, Mali, Malta, Montenegro, Morocco, Namibia, Netherlands, New "
                "Zealand, Nigeria, Norway, Philippines, Poland, Portugal, Romania, Senegal, Serbia, Sierra Leone, "
                "Slovakia, Slovenia, South Africa, Spain, Sri Lanka, Sweden, Switzerland, Thailand, Tunisia, Ukraine,"
                " United Arab Emirates, United Kingdom of Great Britain and Northern Ireland, United States of "
                "America, Uruguay, African Union, Economic Community of West African States, European Union, North "
                "Atlantic Treaty Organization, Organization for Security and Cooperation in Europe and Union for the "
                "Mediterranean.</span></p>"
            ),
            (
                "<p>Members nominate themselves for the chairmanship. In any given year, the incumbent, previous and "
                "next Chairs constitute the troika, which is responsible for providing guidance to the Network on "
                "operational and substantive issues. Spain served as Chair in 2017. Germany will chair the Network in"
                " 2018 and Namibia in 2019.</p>"
            ),
            (
                "<p>The Network will meet once a year in one of its member States, the meeting generally being hosted"
                " by the incumbent Chair, with at least one additional follow-up meeting in New York.</p>"
            ),
            (
                "<p>Membership requests will be received by the secretariat of the Network and shared with the wider "
                "Network. Focal points are expected to exercise a leading role in women and peace and security "
                "efforts at the national and regional levels and to maintain direct and ongoing contact with other "
                "focal points in order to advance the implementation of the women and peace and security agenda.</p>"
            ),
            (
                "<p>The Network also recognizes civil society and local organizations as critical partners and will "
                "ensure their substantive participation in Network meetings and initiatives.</p>"
            ),
            (
                "<p>The United Nations Entity for Gender Equality and the Empowerment of Women (UN-Women) serves as "
                "the secretariat of the Network and will assign a coordinator to manage that function. The "
                "secretariat provides technical and operational support to the troika and the Network. It will ensure"
                " regular communication with and the flow of information to Network members, manage knowledge "
                "products of the Network, support the planning of meetings and foster membership, advocacy and "
                "partnerships.</p>"
            ),
            (
                "<p>The troika will meet regularly with the secretariat to set timelines for the Network's actions to"
                " be carried out and to ensure that the goals of the Network are fulfilled.</p>"
            ),
        ),
    ),
    Section(
        "Focus areas",
        (
            ListBlock(
                lead_in_html=(
                    "<p>Through regular engagement with focal points, the Network will promote momentum and "
                    "continuity in the implementation of the women and peace and security agenda at the "
                    "national and regional levels. The Network areas of focus include:</p>"
                ),
                items=(
                    ListItem(
                        "",
                        (
                            "<p>Raising gender equality as a matter of women's rights and a means to enhance peace and "
                            "security.</p>"
                        ),
                    ),
                    ListItem(
                        "",
                        (
                            "<p>Promoting a gender perspective in all peace and security efforts and ensuring that a "
                            "gender-responsive approach also includes a focus on men's gender roles, abuse against men "
                            "and men's responsibility for promoting women's influence in peace and security.</p>"
                        ),
                    ),
                    ListItem(
                        "",
                        (
                            "<p>Promoting the development of high-impact national and regional action plans and "
                            "strategies on women and peace and security.</p>"
                        ),
                    ),
                    ListItem(
                        "",
                        (
                            "<p>Integrating gender analysis in all security assessments and prevention approaches, "
                            "including early warning, preventive diplomacy and peacekeeping;</p>"
                        ),
                    ),
                    ListItem(
                        "",
                        (
                            "<p>Strengthening women's participation, including at a high level, in the security sector "
                            "and peace and political processes, such as peace agreements, implementation, "
                            "reconciliation and reintegration, and mediation efforts.</p>"
                        ),
                    ),
                    ListItem(
                        "",
                        (
                            "<p>Addressing conflict-related sexual and gender-based violence and other gender-based "
                            "violations of rights and strengthening services and access to justice in response to such "
                            "violations.</p>"
                        ),
                    ),
                    ListItem(
                        "",
                        (
                            "<p>Addressing existing and emerging security threats, such as violent extremism, terrorism"
                            " and climate change.</p>"
                        ),
                    ),
                    ListItem(
                        "",
                        (
                            "<p>Promoting capacity-building at the local, national and regional levels for a variety of"
                            " actors.</p>"
                        ),
                    ),
                ),
            ),
            (
                "<p>As a cross-cutting issue, the Network will aim to promote sustained and predictable funding for "
                "women and peace and security efforts, which constitute a cross-cutting issue.</p>"
            ),
        ),
    ),
    Section(
        "Role of members",
        (
            (
                "<p>Network members are expected to share updates and progress on their women and peace and security "
                "actions through the Network’s newsletter and at its meetings of the Network. Members are also "
                "encouraged to promote the Network and its objectives at relevant forums where the women and peace "
                "and security agenda can be advanced.</p>"
            ),
        ),
    ),
    Section(
        "Communication",
        (
            (
                "<p>A newsletter will include, as appropriate, updates on proceedings of the Network, member action, "
                "innovation in policy and practice, as well as lessons and best practices, in order to increase "
                "exchange and expertise.</p>"
            ),
        ),
    ),
)


def seed_001() -> CouncilDocument:
    """Chair's summary of the second meeting of the Focal Points Network (letter of 17 October 2017)."""
    letter = (
        f"letter dated 17 October 2017 from the Permanent Representatives of {STATES} to the United Nations "
        "addressed to the Secretary-General"
    )
    return CouncilDocument(
        organs=Organs.GENERAL_ASSEMBLY_AND_SECURITY_COUNCIL,
        symbol="A/72/565-S/2017/904",
        issue_date=datetime.date(2017, 11, 1),
        letter_date=datetime.date(2017, 10, 17),
        job_number="17-19381 (E)",
        ga_session=72,
        agenda_item=65,
        agenda_item_title=AGENDA_ITEM_65,
        title="L" + letter[1:],
        body_html=BODY_001,
        signatures=(GERMANY, NAMIBIA, SPAIN_2017),
        annex_heading=f"Annex to the {letter}",
        annex_title_lines=(
            "Chair's summary of the second meeting of the Women, Peace and Security National Focal Points Network",
            "Women's participation in peace and security: conflict prevention and the security sector",
            "New York, 21 September 2017",
        ),
        sections=SEED_001_SECTIONS,
        draft=False,
        author=STATES,
        subject="Chair's summary of the second meeting of the Women, Peace and Security National Focal Points Network",
    )


def seed_004() -> CouncilDocument:
    """Technical Operative Guidelines of the Focal Points Network (letter of 1 March 2018)."""
    letter = (
        f"letter dated 1 March 2018 from the Permanent Representatives of {STATES} to the United Nations "
        "addressed to the Secretary-General"
    )
    return CouncilDocument(
        organs=Organs.GENERAL_ASSEMBLY_AND_SECURITY_COUNCIL,
        symbol="A/72/799-S/2018/210",
        issue_date=datetime.date(2018, 3, 9),
        letter_date=datetime.date(2018, 3, 1),
        job_number="18-03791 (E)",
        ga_session=72,
        agenda_item=65,
        agenda_item_title=AGENDA_ITEM_65,
        title="L" + letter[1:],
        body_html=BODY_004,
        signatures=(GERMANY, NAMIBIA, SPAIN_2018),
        annex_heading=f"Annex to the {letter}",
        annex_title_lines=(
            "Women and Peace and Security Focal Points Network Technical Operative Guidelines December 2017",
        ),
        sections=SEED_004_SECTIONS,
        draft=False,
        author=STATES,
        subject="Women and Peace and Security Focal Points Network Technical Operative Guidelines",
    )
