@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>.
@prefix bibo: <http://purl.org/ontology/bibo/>.
@prefix schema: <http://schema.org/>.
@prefix dcterms: <http://purl.org/dc/terms/>.
@prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
@prefix tl: <http://localhost:18080/ontology#>.
@prefix dcmitype: <http://purl.org/dc/dcmitype/>.
@prefix iso639: <http://id.loc.gov/vocabulary/iso639-2/>.

<http://localhost:18080/id/thesis/1.0449833> a bibo:Thesis, schema:Thesis;
    dcterms:title "Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)";
    dcterms:description "This thesis examines the human aspect of Cold War history by focusing on the personal and professional relationships between Chinese and Soviet workers who helped establish China’s automobile industry in the 1950s. Using China’s First Automobile Work, known as Yiqi, in Changchun as a case study, this highlights how Chinese engineers, technicians, and technical cadres worked closely with experts from the Soviet Union’s ZiL factory in Moscow to develop China’s first automobile manufacturer.\nWhile political tensions between China and the Soviet Union later led to a major diplomatic split from the late 1950s until May 1989, the friendships and knowledge shared during this early period endured. Many Chinese workers continued to draw on what they learned from their Soviet mentors even during decades of official hostility. These bonds quietly shaped the development of China’s industrial and diplomatic strategies well into the 1980s and 1990s, as the country began to engage with global markets and sought partnerships with Western automakers such as Toyota and Volkswagen.\nThe thesis challenges traditional views that focus solely on high-level diplomacy by demonstrating how everyday people contributed to sustaining and shaping international relationships through shared work, technical cooperation, and mutual respect. It argues that the legacy of Sino-Soviet cooperation lives on not just in machines and factories, but in the memories, habits, and values of the individuals who built them together.";
    dcterms:license <https://creativecommons.org/licenses/by-nc-nd/4.0/>;
    tl:provider <http://localhost:18080/id/organization/ubc-library>;
    tl:degreeGrantor <http://localhost:18080/id/organization/ubc>;
    tl:scholarlyLevel "Graduate";
    tl:graduationDate "2025-11"^^xsd:gYearMonth;
    tl:hasAbstract <http://localhost:18080/id/abstract/1.0449833>;
    tl:aggregatedSourceRepository "DSpace";
    schema:name "Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)";
    dcterms:type dcmitype:Text;
    dcterms:identifier "1.0449833";
    dcterms:creator <http://localhost:18080/id/person/li-yi>;
    schema:author <http://localhost:18080/id/person/li-yi>;
    bibo:authorList _:bc_0_b0_r1.0449833_x0;
    dcterms:publisher <http://localhost:18080/id/organization/ubc>;
    schema:publisher <http://localhost:18080/id/organization/ubc>;
    dcterms:issued "2025"^^xsd:gYear;
    schema:datePublished "2025"^^xsd:gYear;
    dcterms:available "2025-08-22"^^xsd:date;
    dcterms:language iso639:eng;
    schema:inLanguage "en";
    dcterms:rights "Attribution-NonCommercial-NoDerivatives 4.0 International";
    schema:license <https://creativecommons.org/licenses/by-nc-nd/4.0/>;
    dcterms:abstract "This thesis examines the human aspect of Cold War history by focusing on the personal and professional relationships between Chinese and Soviet workers who helped establish China’s automobile industry in the 1950s. Using China’s First Automobile Work, known as Yiqi, in Changchun as a case study, this highlights how Chinese engineers, technicians, and technical cadres worked closely with experts from the Soviet Union’s ZiL factory in Moscow to develop China’s first automobile manufacturer. While political tensions between China and the Soviet Union later led to a major diplomatic split from the late 1950s until May 1989, the friendships and knowledge shared during this early period endured. Many Chinese workers continued to draw on what they learned from their Soviet mentors even during decades of official hostility. These bonds quietly shaped the development of China’s industrial and diplomatic strategies well into the 1980s and 1990s, as the country began to engage with global markets and sought partnerships with Western automakers such as Toyota and Volkswagen. The thesis challenges traditional views that focus solely on high-level diplomacy by demonstrating how everyday people contributed to sustaining and shaping international relationships through shared work, technical cooperation, and mutual respect. It argues that the legacy of Sino-Soviet cooperation lives on not just in machines and factories, but in the memories, habits, and values of the individuals who built them together.";
    schema:abstract "This thesis examines the human aspect of Cold War history by focusing on the personal and professional relationships between Chinese and Soviet workers who helped establish China’s automobile industry in the 1950s. Using China’s First Automobile Work, known as Yiqi, in Changchun as a case study, this highlights how Chinese engineers, technicians, and technical cadres worked closely with experts from the Soviet Union’s ZiL factory in Moscow to develop China’s first automobile manufacturer. While political tensions between China and the Soviet Union later led to a major diplomatic split from the late 1950s until May 1989, the friendships and knowledge shared during this early period endured. Many Chinese workers continued to draw on what they learned from their Soviet mentors even during decades of official hostility. These bonds quietly shaped the development of China’s industrial and diplomatic strategies well into the 1980s and 1990s, as the country began to engage with global markets and sought partnerships with Western automakers such as Toyota and Volkswagen. The thesis challenges traditional views that focus solely on high-level diplomacy by demonstrating how everyday people contributed to sustaining and shaping international relationships through shared work, technical cooperation, and mutual respect. It argues that the legacy of Sino-Soviet cooperation lives on not just in machines and factories, but in the memories, habits, and values of the individuals who built them together.";
    bibo:doi "10.14288/1.0449833";
    schema:sameAs <https://doi.org/10.14288/1.0449833>;
    schema:identifier "https://doi.org/10.14288/1.0449833";
    dcterms:isPartOf <http://localhost:18080/id/collection/ubc-theses-and-dissertations>;
    schema:isPartOf <http://localhost:18080/id/collection/ubc-theses-and-dissertations>;
    schema:mentions <http://localhost:18080/id/organization/faw>, <http://localhost:18080/id/place/changchun>, <http://localhost:18080/id/organization/zil>, <http://localhost:18080/id/organization/toyota>, <http://localhost:18080/id/organization/volkswagen>, <http://localhost:18080/id/place/moscow>, <http://localhost:18080/id/place/soviet-union>, <http://localhost:18080/id/place/china>, <http://localhost:18080/id/event/cold-war>;
    dcterms:subject <http://localhost:18080/id/concept/cold-war-history>, <http://localhost:18080/id/concept/automobile-industry>, <http://localhost:18080/id/concept/technology-transfer>, <http://localhost:18080/id/concept/sino-soviet-relations>;
    schema:about <http://localhost:18080/id/concept/cold-war-history>, <http://localhost:18080/id/concept/automobile-industry>, <http://localhost:18080/id/concept/technology-transfer>, <http://localhost:18080/id/concept/sino-soviet-relations>.
